package com.litedesk.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.audit.AuditOutcome;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.identity.User;
import com.litedesk.ports.instance.PlanLimits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pending invitations: who sees them, resending, revoking, and when the link itself is shown. */
class InvitationsTest {

    private final TestInstance instance = new TestInstance();
    private final Invitations invitations = instance.crm.invitations();

    private static void fails(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private User invite(String email, Role role) {
        return instance.crm.users().create(instance.as(Role.ADMIN), new NewUser(email, "Ada Lovelace", role, null, null));
    }

    private List<String> actions() {
        return instance.stores.audit().list(com.litedesk.ports.store.Query.all(500)).items().stream()
                .filter(e -> e.outcome() == AuditOutcome.SUCCESS).map(e -> e.action()).toList();
    }

    @Test
    void anOwnerOrAdminListsWhoWasInvitedWithWhatRoleByWhomWhenAndUntilWhen() {
        var at = instance.clock.instant();
        User ada = invite("ada@acme.test", Role.MANAGER);
        for (Role role : List.of(Role.OWNER, Role.ADMIN)) {
            var pending = invitations.pending(instance.as(role));
            assertThat(pending).singleElement().satisfies(i -> {
                assertThat(i.userId()).isEqualTo(ada.id());
                assertThat(i.email()).isEqualTo("ada@acme.test");
                assertThat(i.role()).isEqualTo(Role.MANAGER);
                assertThat(i.invitedBy()).isEqualTo(instance.as(Role.ADMIN).userId());
                assertThat(i.invitedByName()).isEqualTo("admin");
                assertThat(i.invitedAt()).isEqualTo(at);
                assertThat(i.expiresAt()).isEqualTo(at.plus(Duration.ofDays(7)));
                assertThat(i.expired()).isFalse();
            });
        }
        assertThat(actions()).contains("user.create", "invitation.create");
        assertThat(instance.crm.users().statusOf(ada)).isEqualTo(UserStatus.PENDING);
        assertThat(instance.crm.users().statusOf(instance.crm.users().require(instance.as(Role.USER).userId())))
                .isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void otherRolesMayNotSeeResendOrRevokeInvitationsAndTheirAttemptsAreAudited() {
        User ada = invite("ada@acme.test", Role.USER);
        for (Role role : List.of(Role.MANAGER, Role.USER, Role.VIEWER)) {
            var actor = instance.as(role);
            fails(() -> invitations.pending(actor), ErrorCode.FORBIDDEN);
            fails(() -> invitations.resend(actor, ada.id()), ErrorCode.FORBIDDEN);
            fails(() -> invitations.revoke(actor, ada.id()), ErrorCode.FORBIDDEN);
            assertThat(instance.crm.users().view(actor, ada).invitation()).isNull();
        }
        assertThat(instance.stores.audit().list(com.litedesk.ports.store.Query.all(500)).items().stream()
                .filter(e -> e.outcome() == AuditOutcome.DENIED).map(e -> e.action()))
                .contains("invitations.read", "invitations.create", "invitations.delete");
        assertThat(invitations.pending(instance.owner)).hasSize(1);
    }

    @Test
    void withoutAMailProviderTheLinkIsShownAndItIsTheLinkThatWasMailed() {
        instance.mailer.delivers = false;
        User ada = invite("ada@acme.test", Role.USER);
        String mailed = instance.mailer.sent.getLast().text().lines().filter(l -> l.contains("/set-password?token=")).findFirst().orElseThrow();
        assertThat(invitations.pending(instance.owner).getFirst().link()).isEqualTo(mailed.strip());
        assertThat(instance.crm.users().view(instance.owner, ada).invitation().link()).isEqualTo(mailed.strip());
        instance.crm.auth().setPassword(instance.mailer.lastLinkToken(), "my-own-password", null);
        assertThat(invitations.pending(instance.owner)).isEmpty();
        assertThat(instance.crm.users().statusOf(instance.crm.users().require(ada.id()))).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void withAMailProviderTheLinkIsNeverKeptNorShown() {
        User ada = invite("ada@acme.test", Role.USER);
        assertThat(invitations.pending(instance.owner).getFirst().link()).isNull();
        assertThat(instance.crm.users().view(instance.owner, ada).invitation().link()).isNull();
        assertThat(invitations.resend(instance.owner, ada.id()).link()).isNull();
        assertThat(instance.stores.oneTimeTokens().list(com.litedesk.ports.store.Query.all(100)).items())
                .allSatisfy(t -> assertThat(t.link()).isNull());
    }

    @Test
    void aLinkKeptWithoutAProviderIsNoLongerShownOnceOneDeliversMail() {
        instance.mailer.delivers = false;
        invite("ada@acme.test", Role.USER);
        assertThat(invitations.pending(instance.owner).getFirst().link()).isNotNull();
        instance.mailer.delivers = true; // restarted with a mail provider
        assertThat(invitations.pending(instance.owner).getFirst().link()).isNull();
    }

    @Test
    void resendingMailsANewLinkAndTheOldOneStopsWorking() {
        instance.mailer.delivers = false;
        User ada = invite("ada@acme.test", Role.USER);
        String old = instance.mailer.lastLinkToken();
        instance.clock.advance(Duration.ofDays(8)); // expired
        assertThat(invitations.pending(instance.owner).getFirst().expired()).isTrue();
        assertThat(invitations.pending(instance.owner).getFirst().link()).isNull();
        Invitation again = invitations.resend(instance.owner, ada.id());
        String fresh = instance.mailer.lastLinkToken();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(again.link()).endsWith(fresh);
        assertThat(again.expired()).isFalse();
        assertThat(again.invitedBy()).isEqualTo(instance.owner.userId());
        assertThat(again.expiresAt()).isEqualTo(instance.clock.instant().plus(Duration.ofDays(7)));
        invitations.resend(instance.owner, ada.id());
        String newest = instance.mailer.lastLinkToken();
        fails(() -> instance.crm.auth().setPassword(fresh, "my-own-password", null), ErrorCode.VALIDATION);
        instance.crm.auth().setPassword(newest, "my-own-password", null);
        assertThat(actions()).contains("invitation.resend");
        fails(() -> invitations.resend(instance.owner, ada.id()), ErrorCode.CONFLICT); // accepted already
    }

    @Test
    void revokingStopsTheLinkAndDeactivatesTheInvitedUserFreeingTheSeat() {
        var small = new TestInstance(new PlanLimits(8, null, null, null));
        User ada = small.crm.users().create(small.owner, new NewUser("ada@acme.test", "Ada", Role.USER, null, null));
        String token = small.mailer.lastLinkToken();
        fails(() -> small.crm.users().create(small.owner, new NewUser("bob@acme.test", "Bob", Role.USER, null, null)),
                ErrorCode.LIMIT_REACHED);
        small.crm.invitations().revoke(small.owner, ada.id());
        assertThat(small.crm.invitations().pending(small.owner)).isEmpty();
        assertThat(small.crm.users().statusOf(small.crm.users().require(ada.id()))).isEqualTo(UserStatus.DEACTIVATED);
        fails(() -> small.crm.auth().setPassword(token, "my-own-password", null), ErrorCode.VALIDATION);
        small.crm.users().create(small.owner, new NewUser("bob@acme.test", "Bob", Role.USER, null, null));
        assertThat(small.stores.audit().list(com.litedesk.ports.store.Query.all(500)).items()).extracting(e -> e.action())
                .contains("invitation.revoke");
        fails(() -> small.crm.invitations().revoke(small.owner, ada.id()), ErrorCode.CONFLICT);
        fails(() -> small.crm.invitations().revoke(small.owner, "nobody"), ErrorCode.NOT_FOUND);
    }

    @Test
    void theOwnersInvitationIsNeverListedNorResentByAnAdmin() {
        var fresh = com.litedesk.core.LiteDesk.builder().repositories(com.litedesk.core.memory.InMemoryInstanceRepositories.create())
                .passwordHasher(new com.litedesk.core.TestHasher())
                .tokenService(new com.litedesk.core.TestTokens("k", "litedesk:instance:x", instance.clock))
                .mailer(instance.mailer).clock(instance.clock).build();
        User owner = fresh.seedForProvisioning("Acme", "plan", PlanLimits.UNLIMITED, "owner@acme.test", "Olivia");
        fresh.ownerInvitationLink();
        // an admin added by the system while the Owner is still invited
        var admin = fresh.actorOf(fresh.users().create(com.litedesk.core.access.Actor.system(null),
                new NewUser("admin@acme.test", "Adam", Role.ADMIN, null, "correct-horse-battery")));
        assertThat(fresh.invitations().pending(admin)).isEmpty();
        fails(() -> fresh.invitations().resend(admin, owner.id()), ErrorCode.FORBIDDEN);
        fails(() -> fresh.invitations().revoke(admin, owner.id()), ErrorCode.FORBIDDEN);
    }

    @Test
    void deactivatingAnInvitedUserStopsTheLinkAndReactivatingInvitesThemAgain() {
        User ada = invite("ada@acme.test", Role.USER);
        String first = instance.mailer.lastLinkToken();
        instance.crm.users().deactivate(instance.owner, ada.id(), null);
        fails(() -> instance.crm.auth().setPassword(first, "my-own-password", null), ErrorCode.VALIDATION);
        int mails = instance.mailer.sent.size();
        User back = instance.crm.users().reactivate(instance.owner, ada.id(), null);
        assertThat(instance.mailer.sent).hasSize(mails + 1);
        assertThat(instance.crm.users().statusOf(back)).isEqualTo(UserStatus.PENDING);
        instance.crm.auth().setPassword(instance.mailer.lastLinkToken(), "my-own-password", null);
        assertThat(actions()).contains("user.deactivate", "user.reactivate");
    }

    @Test
    void usersAreListedWithTheirStatus() {
        User ada = invite("ada@acme.test", Role.USER);
        instance.crm.users().deactivate(instance.owner, instance.as(Role.VIEWER).userId(), null);
        var byEmail = new java.util.HashMap<String, UserStatus>();
        instance.crm.users().listViews(instance.as(Role.MANAGER), ListRequest.firstPage().withLimit(200))
                .items().forEach(v -> byEmail.put(v.email(), v.status()));
        assertThat(byEmail).containsEntry("ada@acme.test", UserStatus.PENDING).containsEntry("viewer@acme.test", UserStatus.DEACTIVATED)
                .containsEntry("user@acme.test", UserStatus.ACTIVE).containsEntry("owner@acme.test", UserStatus.ACTIVE);
        assertThat(ada.active()).isTrue();
    }
}
