package com.litedesk.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * Onboarding a team in the browser on an instance without a mail provider: the Owner invites a colleague, copies the
 * invitation link, the colleague opens it, chooses a password and signs in; the Owner sees the status change,
 * deactivates and reactivates; "Forgot password?" leads to a reset link (read here from the development outbox, where
 * it is kept) and a new password. Every screen passes axe at 1280 and 390 px and is photographed. The 4xx answers it
 * provokes (a refused address, a used link, a session ended by deactivation) are checked on the page, not counted as
 * console errors.
 */
class TeamOnboardingUiTest extends CrmBrowserTest {

    @Test
    void anInvitedColleagueGetsTheCopiedLinkChoosesAPasswordAndSignsIn() {
        var ownerContext = context(1280);
        Page owner = open(ownerContext);
        signIn(owner, TestServer.OWNER, TestServer.PASSWORD);
        owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users")).click();
        assertThat(owner.getByText("Nobody is waiting to accept an invitation.")).isVisible();
        label(owner, "Email").fill("ada@acme.test");
        label(owner, "Name").fill("Ada Lovelace");
        label(owner, "Role").selectOption("MANAGER");
        button(owner, "Invite").click();

        assertThat(owner.getByText("Send Ada Lovelace their invitation link")).isVisible();
        String shown = label(owner, "Invitation link for Ada Lovelace").first().inputValue();
        assertThat(shown).startsWith(server.baseUrl() + "/set-password?token=");
        button(owner, "Copy link").click();
        assertThat(owner.getByText("Link copied.", new Page.GetByTextOptions().setExact(false))).isVisible();
        String copied = (String) owner.evaluate("() => navigator.clipboard.readText()");
        assertThat(copied).isEqualTo(shown);
        Locator pending = owner.locator("ul.invitations > li", new Page.LocatorOptions().setHasText("ada@acme.test"));
        assertThat(pending).containsText("Manager");
        assertThat(pending).containsText("invited by owner@acme.test");
        assertThat(pending).containsText("The link works until");
        assertThat(owner.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("ada@acme.test")).last()).containsText("Invited");
        check(owner, "users-invitation-link");

        // the colleague, in a browser of their own, opens the link they were sent
        var adaContext = context(390);
        Page ada = open(adaContext);
        ada.navigate(copied);
        assertThat(ada.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose your password"))).isVisible();
        label(ada, "New password (10 characters or more)").fill("violet-harbour-lamp");
        label(ada, "Repeat it").fill("violet-harbour-lamp");
        button(ada, "Set password").click();
        assertThat(ada.getByText("Your password is set.")).isVisible();
        signIn(ada, "ada@acme.test", "violet-harbour-lamp");
        assertThat(ada.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ada Lovelace"))).isVisible();

        // the Owner sees her active, deactivates her (her session ends at once) and reactivates her
        owner.reload();
        owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users")).click();
        assertThat(owner.getByText("Nobody is waiting to accept an invitation.")).isVisible();
        Locator row = owner.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("ada@acme.test"));
        assertThat(row).containsText("Active");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate")).click();
        owner.locator("dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate")).click();
        assertThat(row).containsText("Deactivated");
        check(owner, "users-deactivated");
        ada.reload();
        assertThat(ada.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reactivate")).click();
        assertThat(row).containsText("Active");
        signIn(ada, "ada@acme.test", "violet-harbour-lamp");
        assertThat(ada.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ada Lovelace"))).isVisible();

        // a second invitation: resent (the copied link changes) and revoked
        label(owner, "Email").fill("bob@acme.test");
        label(owner, "Name").fill("Bob Babbage");
        button(owner, "Invite").click();
        String first = label(owner, "Invitation link for Bob Babbage").first().inputValue();
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resend the invitation to Bob Babbage")).click();
        assertThat(owner.getByText("the earlier one no longer works", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(label(owner, "Invitation link for Bob Babbage").first()).not().hasValue(first);
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the invitation of Bob Babbage")).click();
        owner.locator("dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
        assertThat(owner.getByText("The invitation of Bob Babbage is revoked.")).isVisible();
        assertThat(owner.getByText("Nobody is waiting to accept an invitation.")).isVisible();
        assertThat(consoleErrors).isEmpty();
        ownerContext.close();
        adaContext.close();
    }

    @Test
    void forgotPasswordLeadsToAOneTimeLinkAndANewPassword() {
        server.tokenFor("cy@acme.test", com.litedesk.ports.identity.Role.USER, null);
        var context = context(1280);
        Page page = open(context);
        page.navigate(server.baseUrl() + "/#/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot password?")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Forgot your password?"))).isVisible();
        check(page, "forgot-password");
        label(page, "Email").fill("not an address");
        button(page, "Send the link").click();
        assertThat(page.getByText("Enter your email address, such as ada@example.com.")).isVisible();
        label(page, "Email").fill("cy@acme.test");
        button(page, "Send the link").click();
        assertThat(page.getByText("If an account has this address", new Page.GetByTextOptions().setExact(false))).isVisible();

        String text = server.app.repositories().outbox().list(com.litedesk.ports.store.Query.all(200)).items().stream()
                .filter(m -> m.to().equals("cy@acme.test") && m.text().contains("/reset-password?token=")).reduce((a, b) -> b)
                .orElseThrow().text();
        String link = text.substring(text.indexOf(server.baseUrl() + "/reset-password")).lines().findFirst().orElseThrow().strip();
        page.navigate(link);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose a new password"))).isVisible();
        check(page, "reset-password");
        label(page, "New password (10 characters or more)").fill("amber-canyon-river");
        label(page, "Repeat it").fill("amber-canyon-river");
        button(page, "Set new password").click();
        assertThat(page.getByText("Your new password is set", new Page.GetByTextOptions().setExact(false))).isVisible();
        page.navigate(link);
        label(page, "New password (10 characters or more)").fill("amber-canyon-other");
        label(page, "Repeat it").fill("amber-canyon-other");
        button(page, "Set new password").click();
        assertThat(page.getByText("this link is not valid or was used already", new Page.GetByTextOptions().setExact(false))).isVisible();
        signIn(page, "cy@acme.test", "amber-canyon-river");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("cy@acme.test"))).isVisible();
        assertThat(consoleErrors).isEmpty();
        context.close();
    }
}
