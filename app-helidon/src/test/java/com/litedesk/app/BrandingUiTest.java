package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * White-label and custom fields in the browser: the Owner names the instance, uploads a logo and sets colours and a
 * mail sender on the Settings screen (a colour too light to read is refused there), and the CRM, its sign-in page and
 * the page title wear them; custom fields are added, ordered and renamed there and then filled in on a contact's page.
 * An Admin manages fields but is told the brand is the Owner's; a Viewer is offered no Settings at all. In the dark theme the brand's colour is lightened until it reads on the dark panels.
 */
class BrandingUiTest extends CrmBrowserTest {

    /** A 160×48 PNG logo: a dark blue bar with a light square, drawn with the JDK. */
    private static Path logo() throws Exception {
        var image = new java.awt.image.BufferedImage(160, 48, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(0x1f, 0x3a, 0x5f));
        g.fillRoundRect(0, 0, 160, 48, 12, 12);
        g.setColor(new java.awt.Color(0xf5, 0xa5, 0x24));
        g.fillRect(12, 12, 24, 24);
        g.dispose();
        Path file = Files.createTempFile("logo", ".png");
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void theOwnerBrandsTheInstanceAndAddsCustomFieldsThatAContactThenCarries() throws Exception {
        var context = context(1280);
        Page owner = open(context);
        signIn(owner, TestServer.OWNER, TestServer.PASSWORD);
        owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
        label(owner, "Name").fill("Acme Europe");
        button(owner, "Save name").click();
        assertThat(owner.getByText("The instance is now called Acme Europe.")).isVisible();

        label(owner, "Logo").setInputFiles(logo());
        assertThat(owner.getByAltText("Your logo")).isVisible();
        label(owner, "Primary colour").fill("#ffee00");
        button(owner, "Save the brand").click();
        assertThat(owner.getByText("is too light to read", new Page.GetByTextOptions().setExact(false))).isVisible();
        label(owner, "Primary colour").fill("#1f3a5f");
        label(owner, "Accent colour").fill("#7a1f5c");
        label(owner, "Mail sender name").fill("Acme Sales");
        button(owner, "Save the brand").click();
        assertThat(owner.getByText("The brand is saved.")).isVisible();
        assertThat(owner.locator("header.bar .brand")).containsText("Acme Europe");
        assertThat(owner.locator("header.bar .brand img")).isVisible();
        assertThat(owner.locator("header.bar")).hasCSS("border-bottom-color", "rgb(122, 31, 92)");
        assertThat(button(owner, "Save the brand")).hasCSS("background-color", "rgb(31, 58, 95)");
        assertThat(owner).hasTitle("Settings · Acme Europe");

        // custom fields of contacts: two added, put in order, one renamed
        label(owner, "New field").fill("Contract renewal");
        label(owner, "Type").selectOption("DATE");
        button(owner, "Add field").click();
        assertThat(owner.getByText("Contract renewal added.")).isVisible();
        label(owner, "New field").fill("Tier");
        label(owner, "Type").selectOption("SELECT");
        label(owner, "Options, one per line").fill("Gold\nSilver");
        button(owner, "Add field").click();
        assertThat(owner.getByText("Tier added.")).isVisible();
        button(owner, "Move Tier up").click();
        assertThat(owner.locator("#cf-heading ~ ul.plain > li").first()).containsText("Tier");
        owner.locator("#cf-heading ~ ul.plain > li").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Tier")).click();
        owner.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).last().fill("Customer tier");
        owner.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit Tier")).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(owner.getByText("Customer tier saved.")).isVisible();
        check(owner, "settings-branded");

        // the new-contact form offers them
        owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts")).click();
        owner.locator("#ln").fill("Johnson");
        label(owner, "Customer tier").selectOption("Silver");
        button(owner, "Add contact").click();
        assertThat(owner.getByText("Johnson added.", new Page.GetByTextOptions().setExact(true))).isVisible(); // no "null" for the first name left out
        var johnson = server.get("/api/contacts?q=johnson", server.ownerToken()).json().get("items").get(0);
        org.assertj.core.api.Assertions.assertThat(johnson.get("customFields").toString()).contains("\"tier\":\"Silver\"");

        // a contact carries them
        String id = server.post("/api/contacts", server.ownerToken(), Map.of("firstName", "Ada", "lastName", "Lovelace")).json().get("id").asText();
        owner.navigate(server.baseUrl() + "/#/contacts/" + id);
        button(owner, "Edit").click();
        label(owner, "Customer tier").selectOption("Gold");
        label(owner, "Contract renewal").fill("2027-03-31");
        button(owner, "Save").click();
        Locator facts = owner.locator(".facts");
        assertThat(facts).containsText("Customer tier");
        assertThat(facts).containsText("Gold");
        assertThat(facts).containsText("2027");
        assertThat(server.get("/api/contacts/" + id, server.ownerToken()).json().get("customFields").toString())
                .contains("\"tier\":\"Gold\"").contains("\"contractRenewal\":\"2027-03-31\"");
        check(owner, "contact-custom-fields");

        // the sign-in page wears the brand too
        button(owner, "Sign out").click();
        assertThat(owner.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Acme Europe"))).isVisible();
        assertThat(owner.locator("img.sign-in-logo")).isVisible();
        assertThat(owner).hasTitle("Sign in · Acme Europe");
        check(owner, "sign-in-branded");
        context.close();

        // in the dark theme the brand's hue, light enough to read on the dark panels (axe checks the contrast)
        var dark = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900)
                .setColorScheme(com.microsoft.playwright.options.ColorScheme.DARK));
        Page night = open(dark);
        signIn(night, TestServer.OWNER, TestServer.PASSWORD);
        night.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
        String background = (String) button(night, "Save the brand").evaluate("b => getComputedStyle(b).backgroundColor");
        org.assertj.core.api.Assertions.assertThat(background).isNotEqualTo("rgb(31, 58, 95)").isNotEqualTo("rgb(127, 176, 255)");
        int[] rgb = java.util.Arrays.stream(background.replaceAll("[^0-9,]", "").split(",")).mapToInt(Integer::parseInt).toArray();
        org.assertj.core.api.Assertions.assertThat(rgb[2]).as("still the brand's blue hue").isGreaterThan(rgb[0]);
        check(night, "settings-branded-dark");
        dark.close();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void anAdminManagesFieldsButNotTheBrandAndAViewerIsOfferedNoSettings() {
        server.tokenFor("admin@acme.test", com.litedesk.ports.identity.Role.ADMIN, null);
        server.tokenFor("viewer@acme.test", com.litedesk.ports.identity.Role.VIEWER, null);
        var context = context(1280);
        Page admin = open(context);
        signIn(admin, "admin@acme.test", TestServer.PASSWORD);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
        assertThat(admin.getByText("Only the Owner changes the logo, colours and mail sender.")).isVisible();
        assertThat(button(admin, "Save the brand")).hasCount(0);
        assertThat(button(admin, "Add field")).isVisible();
        button(admin, "Sign out").click();
        signIn(admin, "viewer@acme.test", TestServer.PASSWORD);
        assertThat(admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contacts"))).isVisible();
        assertThat(admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings"))).hasCount(0);
        context.close();
        assertThat(consoleErrors).isEmpty();
    }
}
