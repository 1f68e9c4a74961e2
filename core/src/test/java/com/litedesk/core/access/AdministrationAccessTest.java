package com.litedesk.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.pipelines.PipelineDraft;
import com.litedesk.core.crm.pipelines.StageDraft;
import com.litedesk.core.identity.NewUser;
import com.litedesk.core.identity.TeamDraft;
import com.litedesk.core.identity.UserDraft;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The users, teams, pipelines, settings and audit columns of the permission table. */
class AdministrationAccessTest {

    private final TestInstance instance = new TestInstance();

    private static void forbidden(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void onlyOwnersAndAdminsManageUsersTeamsPipelinesAndSettings(Role role) {
        Actor actor = instance.as(role);
        boolean manages = role == Role.OWNER || role == Role.ADMIN;
        Runnable addUser = () -> instance.crm.users().create(actor, new NewUser(role + "-new@acme.test", "New", Role.USER, null, "correct-horse-battery"));
        Runnable addTeam = () -> instance.crm.teams().create(actor, new TeamDraft("team of " + role));
        Runnable addPipeline = () -> instance.crm.pipelines().create(actor, new PipelineDraft("P " + role,
                List.of(new StageDraft(null, "Open", 10, null))));
        Runnable editSettings = () -> {
            var s = instance.crm.settings().current();
            instance.crm.settings().update(actor, s.version(), instance.crm.settings().draftOf(s));
        };
        for (Runnable call : List.of(addUser, addTeam, addPipeline, editSettings)) {
            if (manages) {
                call.run();
            } else {
                forbidden(call);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyoneButViewersReadsUsersSettingsAndTheAuditLogWhileEveryoneReadsPipelines(Role role) {
        Actor actor = instance.as(role);
        instance.crm.pipelines().list(actor);
        List<Runnable> reads = List.of(
                () -> instance.crm.users().list(actor, ListRequest.firstPage()),
                () -> instance.crm.teams().list(actor),
                () -> instance.crm.settings().get(actor),
                () -> instance.crm.audit().list(actor, ListRequest.firstPage()),
                () -> instance.crm.audit().verify(actor));
        for (Runnable read : reads) {
            if (role == Role.VIEWER) {
                forbidden(read);
            } else {
                read.run();
            }
        }
    }

    @Test
    void anAdminCannotEditTheOwner() {
        var ownerUser = instance.crm.users().require(instance.owner.userId());
        forbidden(() -> instance.crm.users().update(instance.as(Role.ADMIN), ownerUser.id(), null,
                new UserDraft("Renamed", Role.OWNER, null, true)));
    }

    @Test
    void ownershipIsTransferredNeverDuplicatedAndTheOldOwnerBecomesAdmin() {
        Actor admin = instance.as(Role.ADMIN);
        instance.crm.users().transferOwnership(instance.owner, admin.userId());
        assertThat(instance.crm.users().require(admin.userId()).role()).isEqualTo(Role.OWNER);
        assertThat(instance.crm.users().require(instance.owner.userId()).role()).isEqualTo(Role.ADMIN);
        assertThat(instance.crm.users().list(admin, ListRequest.filtered("role[eq]:\"OWNER\"")).items()).hasSize(1);
    }

    @Test
    void nobodyButTheOwnerTransfersOwnership() {
        forbidden(() -> instance.crm.users().transferOwnership(instance.as(Role.ADMIN), instance.as(Role.USER).userId()));
    }
}
