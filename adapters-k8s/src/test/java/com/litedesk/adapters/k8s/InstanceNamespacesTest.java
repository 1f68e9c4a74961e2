package com.litedesk.adapters.k8s;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient(crud = true)
class InstanceNamespacesTest {

    KubernetesClient client;

    @Test
    void aNamespaceIsCreatedOnceWithTheInstanceLabels() {
        var namespaces = new InstanceNamespaces(client);

        var first = namespaces.ensure("acme");
        var again = namespaces.ensure("acme");

        assertThat(first.getMetadata().getName()).isEqualTo("litedesk-acme");
        assertThat(first.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "litedesk")
                .containsEntry("app.kubernetes.io/instance", "acme")
                .containsEntry("app.kubernetes.io/managed-by", "litedesk-control-plane");
        assertThat(again.getMetadata().getUid()).isEqualTo(first.getMetadata().getUid());
        assertThat(client.namespaces().withLabel("app.kubernetes.io/instance", "acme").list().getItems()).hasSize(1);
    }

    @Test
    void anAdoptedNamespaceGetsItsLabelsBack() {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName("litedesk-globex").endMetadata().build()).create();

        var adopted = new InstanceNamespaces(client).ensure("globex");

        assertThat(adopted.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", "globex");
    }

    @Test
    void deletingRemovesTheNamespaceAndDeletingAgainDoesNothing() {
        var namespaces = new InstanceNamespaces(client);
        namespaces.ensure("initech");

        namespaces.delete("initech");
        namespaces.delete("initech");

        assertThat(namespaces.find("initech")).isEmpty();
    }

    @Test
    void aSubdomainThatIsNoDnsLabelIsRefusedBeforeAnyCall() {
        var namespaces = new InstanceNamespaces(client);
        for (var bad : new String[] {"", "Acme", "-acme", "acme-", "a.b", "a_b", "x".repeat(41)}) {
            assertThatThrownBy(() -> namespaces.ensure(bad))
                    .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
        }
        assertThat(client.namespaces().list().getItems()).noneMatch(n -> n.getMetadata().getName().contains("cme"));
    }
}
