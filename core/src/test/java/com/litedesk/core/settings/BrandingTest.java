package com.litedesk.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.identity.NewUser;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.identity.Role;
import com.litedesk.ports.instance.Branding;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** White-label: the Owner's logo, colours and mail sender, what they must be, and where they show. */
class BrandingTest {

    /** The smallest PNG: its signature and a header are enough for the check by bytes. */
    static final String PNG = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {
        (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});

    private final TestInstance instance = new TestInstance();
    private final Settings settings = instance.crm.settings();

    private static void refused(Runnable call, ErrorCode code, String field, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LiteDeskException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            if (field != null) {
                assertThat(e.errors()).anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo(field);
                    assertThat(f.message()).contains(message);
                });
            }
        });
    }

    @Test
    void theOwnerSetsLogoColoursAndSenderAndEveryoneSeesThemWithoutSigningIn() {
        var updated = settings.brand(instance.owner, null, new Branding(PNG, "#1F3A5F", "#7a1f5c", "Acme Sales"));
        assertThat(updated.branding()).isEqualTo(new Branding(PNG, "#1f3a5f", "#7a1f5c", "Acme Sales"));
        PublicBrand shown = settings.publicBrand();
        assertThat(shown.name()).isEqualTo("Acme");
        assertThat(shown.primaryColor()).isEqualTo("#1f3a5f");
        assertThat(shown.accentColor()).isEqualTo("#7a1f5c");
        assertThat(shown.logoUrl()).isEqualTo("/api/branding/logo?v=" + updated.version());
        assertThat(settings.logo()).hasValueSatisfying(logo -> {
            assertThat(logo.mediaType()).isEqualTo("image/png");
            assertThat(logo.bytes()).startsWith((byte) 0x89, (byte) 'P');
        });
        assertThat(instance.stores.audit().list(com.litedesk.ports.store.Query.all(500)).items())
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("settings.branding");
                    assertThat(e.after()).containsEntry("logo", "29 bytes").containsEntry("primaryColor", "#1f3a5f");
                });
        settings.brand(instance.owner, null, Branding.NONE);
        assertThat(settings.publicBrand().logoUrl()).isNull();
        assertThat(settings.logo()).isEmpty();
    }

    @Test
    void onlyTheOwnerChangesTheBrandAndARefusalChangesNothing() {
        for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.USER, Role.VIEWER)) {
            refused(() -> settings.brand(instance.as(role), null, new Branding(null, "#1f3a5f", null, null)), ErrorCode.FORBIDDEN, null, null);
        }
        assertThat(settings.current().branding()).isEqualTo(Branding.NONE);
        for (Role role : Role.values()) {
            var edit = instance.crm.permissions(instance.as(role)).permissions().stream()
                    .filter(p -> p.resource() == com.litedesk.core.access.Resource.BRANDING && p.action() == com.litedesk.core.access.Action.EDIT)
                    .findFirst().orElseThrow();
            assertThat(edit.scope()).as(role.name()).isEqualTo(role == Role.OWNER ? com.litedesk.core.access.Scope.ALL : com.litedesk.core.access.Scope.NONE);
        }
    }

    @Test
    void coloursMustStayReadableAndLogosMustBeTheImagesTheyClaimToBe() {
        refused(() -> settings.brand(instance.owner, null, new Branding(null, "#ffee00", null, null)),
                ErrorCode.VALIDATION, "primaryColor", "too light to read");
        refused(() -> settings.brand(instance.owner, null, new Branding(null, "blue", null, null)),
                ErrorCode.VALIDATION, "primaryColor", "#rrggbb");
        refused(() -> settings.brand(instance.owner, null, new Branding(null, null, "#f6f7f9", null)),
                ErrorCode.VALIDATION, "accentColor", "too light");
        String svg = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString("<svg onload='alert(1)'/>".getBytes());
        refused(() -> settings.brand(instance.owner, null, new Branding(svg, null, null, null)), ErrorCode.VALIDATION, "logo", "PNG, JPEG or WebP");
        String notPng = "data:image/png;base64," + Base64.getEncoder().encodeToString("GIF89a not a png".getBytes());
        refused(() -> settings.brand(instance.owner, null, new Branding(notPng, null, null, null)), ErrorCode.VALIDATION, "logo", "is not a PNG image");
        String huge = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[210 * 1024]);
        refused(() -> settings.brand(instance.owner, null, new Branding(huge, null, null, null)), ErrorCode.VALIDATION, "logo", "200 KB");
        refused(() -> settings.brand(instance.owner, null, new Branding(null, null, null, "Acme\r\nBcc: all@x.test")),
                ErrorCode.VALIDATION, "mailSenderName", "control characters");
        refused(() -> settings.brand(instance.owner, null, new Branding(null, null, null, "Acme <evil@x.test>")),
                ErrorCode.VALIDATION, "mailSenderName", "one line");
        assertThat(settings.current().branding()).isEqualTo(Branding.NONE);
    }

    @Test
    void mailsGoOutUnderTheSenderNameAndTheInstancesNameAsItIsNow() {
        instance.crm.users().create(instance.owner, new NewUser("ada@acme.test", "Ada", Role.USER, null, null));
        assertThat(instance.mailer.sent.getLast().senderName()).as("the provider's own sender until the Owner chooses one").isNull();
        assertThat(instance.mailer.sent.getLast().subject()).isEqualTo("You are invited to Acme");

        settings.update(instance.owner, null, new SettingsDraft("Acme Europe", null));
        settings.brand(instance.owner, null, new Branding(null, null, null, "Acme Sales"));
        instance.crm.users().create(instance.owner, new NewUser("bob@acme.test", "Bob", Role.USER, null, null));
        assertThat(instance.mailer.sent.getLast().senderName()).isEqualTo("Acme Sales");
        assertThat(instance.mailer.sent.getLast().subject()).isEqualTo("You are invited to Acme Europe");
        assertThat(instance.mailer.sent.getLast().text()).contains("you have an account on Acme Europe");
    }

    @Test
    void everyoneSignedInReadsTheCustomFieldDefinitionsEvenWhereTheSettingsAreNotTheirs() {
        var fields = java.util.Map.of("CONTACT", List.of(new com.litedesk.ports.crm.CustomFieldDefinition("renewal", "Renewal",
                com.litedesk.ports.crm.CustomFieldType.DATE, null, false)));
        settings.update(instance.owner, null, new SettingsDraft("Acme", fields));
        assertThat(settings.customFields(instance.as(Role.VIEWER))).isEqualTo(fields);
        refused(() -> settings.get(instance.as(Role.VIEWER)), ErrorCode.FORBIDDEN, null, null);
    }
}
