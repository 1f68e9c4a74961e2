package com.litedesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.client.ApiClient;
import com.litedesk.client.ApiException;
import com.litedesk.client.api.AuthApi;
import com.litedesk.client.api.ContactsApi;
import com.litedesk.client.model.Contact;
import com.litedesk.client.model.ContactDraft;
import com.litedesk.client.model.ContactDraftPatch;
import com.litedesk.client.model.Login;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client generated from the committed instance document (openapi-generator, Java, java.net.http) works against a
 * real instance: log in, create a contact, find it in the list, change it with If-Match, delete it.
 */
class GeneratedClientTest {

    @Test
    void aClientGeneratedFromTheDocumentRunsTheContactJourney() throws ApiException {
        try (TestServer server = TestServer.inMemory(Map.of())) {
            ApiClient client = new ApiClient();
            client.updateBaseUri(server.baseUrl());
            var tokens = new AuthApi(client).login(new Login().email(TestServer.OWNER).password(TestServer.PASSWORD));
            assertThat(tokens.getExpiresIn()).isPositive();
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.getAccessToken()));
            assertThat(new AuthApi(client).getMe().getEmail()).isEqualTo(TestServer.OWNER);

            ContactsApi contacts = new ContactsApi(client);
            var created = contacts.createContactWithHttpInfo(new ContactDraft().firstName("Ada").lastName("Lovelace")
                    .emails(List.of("ada@engine.test")).tags(List.of("math")), null);
            assertThat(created.getStatusCode()).isEqualTo(201);
            Contact ada = created.getData();
            assertThat(created.getHeaders().get("location")).containsExactly("/api/contacts/" + ada.getId());
            String etag = created.getHeaders().get("etag").getFirst();

            var page = contacts.listContacts(null, null, "lovelace", null, 10, true);
            assertThat(page.getItems()).extracting(Contact::getId).containsExactly(ada.getId());
            assertThat(page.getNextCursor()).isNull();
            assertThat(page.getTotal()).isEqualTo(1L);

            var changed = contacts.updateContactWithHttpInfo(ada.getId(), new ContactDraftPatch().title("Countess"), etag, null);
            assertThat(changed.getData().getTitle()).isEqualTo("Countess");
            assertThat(changed.getData().getEmails()).containsExactly("ada@engine.test"); // a merge patch leaves the rest
            assertThat(changed.getData().getVersion()).isEqualTo(ada.getVersion() + 1);
            assertThatThrownBy(() -> contacts.updateContact(ada.getId(), new ContactDraftPatch().title("Late"), etag, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(412));

            contacts.deleteContact(ada.getId(), changed.getHeaders().get("etag").getFirst(), null);
            assertThatThrownBy(() -> contacts.getContact(ada.getId()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        }
    }
}
