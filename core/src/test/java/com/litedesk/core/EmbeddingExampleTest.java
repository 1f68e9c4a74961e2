package com.litedesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.litedesk.core.access.Actor;
import com.litedesk.core.crm.contacts.ContactDraft;
import com.litedesk.core.crm.deals.DealDraft;
import com.litedesk.core.listing.ListRequest;
import com.litedesk.core.memory.InMemoryInstanceRepositories;
import com.litedesk.ports.identity.User;
import java.math.BigDecimal;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The README's embedding example, with nothing but core, ports and in-memory stores. */
class EmbeddingExampleTest {

    @Test
    void anInstanceRunsAsAPlainJavaLibrary() {
        TestMailer mailer = new TestMailer();
        LiteDesk crm = LiteDesk.builder()
                .repositories(InMemoryInstanceRepositories.create())
                .passwordHasher(new TestHasher())
                .tokenService(new TestTokens("secret", "litedesk:instance:acme", Clock.systemUTC()))
                .mailer(mailer)
                .clock(Clock.systemUTC())
                .build();
        User owner = crm.bootstrap("Acme", "owner@acme.test", "Olivia Owner", null);
        Actor me = crm.actorOf(owner);

        crm.contacts().create(me, ContactDraft.named("Ada", "Lovelace", "ada@example.com"));
        var deal = crm.deals().create(me, DealDraft.of("Analytical engine", new BigDecimal("25000"), "GBP"));
        crm.deals().move(me, deal.id(), "won", 0, deal.version());

        assertThat(crm.contacts().list(me, new ListRequest(null, null, "ada", null, null)).items())
                .extracting(c -> c.lastName()).containsExactly("Lovelace");
        var board = crm.deals().board(me, null, 10);
        assertThat(board.columns()).filteredOn(c -> c.stage().id().equals("won")).singleElement()
                .satisfies(c -> assertThat(c.totals().get("GBP")).isEqualByComparingTo("25000"));
        var figures = crm.dashboards().show(me, com.litedesk.core.crm.dashboards.DashboardScope.MINE, 12, null);
        assertThat(figures.winRate().won()).isEqualTo(1);
        // no password given: the Owner was invited by mail with a one-time link
        assertThat(mailer.sent).singleElement().satisfies(m -> assertThat(m.text()).contains("/set-password?token="));
        crm.auth().setPassword(mailer.lastLinkToken(), "a-much-longer-secret", null);
        assertThat(crm.auth().login("owner@acme.test", "a-much-longer-secret", null).accessToken()).isNotBlank();
        assertThat(crm.audit().verify(me).valid()).isTrue();
    }
}
