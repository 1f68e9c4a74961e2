package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * White-label and custom fields in the browser: the Owner names the instance, uploads a logo and sets colours and a
 * mail sender on the Settings screen (a colour too light to read is refused there), and the CRM, its sign-in page and
 * the page title wear them; custom fields are added, ordered and renamed there and then filled in on a contact's page.
 * An Admin manages fields but is told the brand is the Owner's; a Viewer is offered no Settings at all.
 */
class BrandingUiTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LITEDESK_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SHOTS = Path.of("target", "screenshots");
    static TestServer server;
    static Playwright playwright;
    static Browser browser;
    static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true needs Chromium at " + CHROMIUM + " (apt-get install chromium)");
            }
            assumeTrue(false, "no Chromium at " + CHROMIUM);
        }
        Files.createDirectories(SHOTS);
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server = TestServer.inMemory(Map.of("LITEDESK_PORT", Integer.toString(port), "LITEDESK_PUBLIC_URL", "http://127.0.0.1:" + port,
                "LITEDESK_INSTANCE_NAME", "Acme"));
        Files.createDirectories(Path.of("/tmp/shots-brand"));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static BrowserContext context(int width) {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900));
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"), new BrowserContext.GrantPermissionsOptions()
                .setOrigin(server.baseUrl()));
        return context;
    }

    private static Page open(BrowserContext context) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            // the browser logs every 4xx answer; those this test provokes (a refused address, a used link, a session
            // ended by deactivation) are checked on the page instead
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource: the server responded with a status of 4")) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        return page;
    }

    private static Locator label(Page page, String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** axe at the current width and at 390 px, photographed at both. */
    private static void check(Page page, String name) {
        var size = page.viewportSize();
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, 900);
            for (Path dir : List.of(SHOTS, Path.of("/tmp/shots-brand"))) {
                page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + "-" + width + ".png")).setFullPage(true));
            }
            var violations = new AxeBuilder(page).analyze().getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .map(v -> v.getId() + ": " + v.getHelp()).toList();
            assertThat(violations).as("accessibility of " + name + " at " + width + " px").isEmpty();
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as(name + " needs no sideways scrolling at " + width + " px").isTrue();
        }
        page.setViewportSize(size.width, size.height);
    }

    private static void signIn(Page page, String email, String password) {
        page.navigate(server.baseUrl() + "/#/login");
        label(page, "Email").fill(email);
        label(page, "Password").fill(password);
        button(page, "Sign in").click();
    }

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
        owner.locator("#cf-heading ~ ul.plain > li").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).click();
        owner.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).last().fill("Customer tier");
        owner.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit Tier")).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(owner.getByText("Customer tier saved.")).isVisible();
        check(owner, "settings-branded");

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
