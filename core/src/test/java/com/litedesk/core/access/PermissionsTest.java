package com.litedesk.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.ports.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The permissions a client is told of are the policy's own decisions, cell by cell. */
class PermissionsTest {

    private final AccessPolicy policy = new AccessPolicy();

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyResourceAndActionIsListedWithThePolicysScope(Role role) {
        Permissions answer = policy.permissions(new Actor("u1", role, "t1", "r1"));
        assertThat(answer.role()).isEqualTo(role);
        assertThat(answer.teamId()).isEqualTo("t1");
        assertThat(answer.permissions()).hasSize(Resource.values().length * Action.values().length);
        for (Resource resource : Resource.values()) {
            for (Action action : Action.values()) {
                assertThat(answer.scope(resource, action)).as(role + " " + action + " " + resource)
                        .isEqualTo(policy.scope(role, resource, action));
            }
        }
    }

    @Test
    void aUserEditsOwnRecordsAndNeitherImportsNorExportsNorManagesUsers() {
        Permissions user = policy.permissions(new Actor("u1", Role.USER, null, "r1"));
        assertThat(user.scope(Resource.CONTACTS, Action.EDIT)).isEqualTo(Scope.OWN);
        assertThat(user.scope(Resource.CONTACTS, Action.IMPORT)).isEqualTo(Scope.NONE);
        assertThat(user.scope(Resource.DEALS, Action.EXPORT)).isEqualTo(Scope.NONE);
        assertThat(user.scope(Resource.USERS, Action.CREATE)).isEqualTo(Scope.NONE);
        assertThat(user.scope(Resource.USERS, Action.READ)).isEqualTo(Scope.ALL);
    }

    @Test
    void aViewerOnlyReadsRecordsPipelinesAndTheBrandAndKeepsViewsOfItsOwn() {
        Permissions viewer = policy.permissions(new Actor("u1", Role.VIEWER, null, "r1"));
        assertThat(viewer.permissions()).filteredOn(p -> p.scope() != Scope.NONE && p.resource() != Resource.VIEWS)
                .allSatisfy(p -> assertThat(p.action()).isEqualTo(Action.READ))
                .extracting(Permission::resource)
                .containsExactlyInAnyOrder(Resource.CONTACTS, Resource.COMPANIES, Resource.DEALS, Resource.TASKS, Resource.NOTES,
                        Resource.ACTIVITIES, Resource.PIPELINES, Resource.BRANDING);
    }
}
