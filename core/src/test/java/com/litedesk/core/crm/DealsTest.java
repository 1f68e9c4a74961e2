package com.litedesk.core.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.litedesk.core.TestInstance;
import com.litedesk.core.crm.deals.DealBoard;
import com.litedesk.core.crm.deals.DealDraft;
import com.litedesk.core.crm.pipelines.PipelineDraft;
import com.litedesk.core.crm.pipelines.StageDraft;
import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.crm.Deal;
import com.litedesk.ports.crm.DealStatus;
import com.litedesk.ports.crm.RecordType;
import com.litedesk.ports.crm.StageKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealsTest {

    private final TestInstance instance = new TestInstance();

    private Deal deal(String title, String value, String currency) {
        return instance.crm.deals().create(instance.owner, DealDraft.of(title, new BigDecimal(value), currency));
    }

    private List<String> titlesIn(String stageId) {
        return column(stageId).deals().stream().map(Deal::title).toList();
    }

    private DealBoard.Column column(String stageId) {
        return instance.crm.deals().board(instance.owner, null, 50).columns().stream()
                .filter(c -> c.stage().id().equals(stageId)).findFirst().orElseThrow();
    }

    @Test
    void wonAndLostDealsWithoutACloseTimeAreGivenTheirLastChangeOnceAndOpenOnesAreLeftAlone() {
        var won = instance.crm.deals().create(instance.owner, new com.litedesk.core.crm.deals.DealDraft("Old win", java.math.BigDecimal.TEN, "EUR",
                null, "won", null, java.util.List.of(), null, null, java.util.Map.of()));
        var open = instance.crm.deals().create(instance.owner, com.litedesk.core.crm.deals.DealDraft.of("Still open", java.math.BigDecimal.ONE, "EUR"));
        // as a build from before close times stored it
        var stored = instance.stores.deals().findById(won.id()).orElseThrow();
        instance.stores.deals().replace(new com.litedesk.ports.crm.Deal(stored.id(), stored.version() + 1, stored.title(), stored.value(),
                stored.currency(), stored.pipelineId(), stored.stageId(), stored.rank(), stored.status(), null, stored.expectedCloseDate(),
                stored.contactIds(), stored.companyId(), stored.ownerId(), stored.teamId(), stored.customFields(), stored.createdAt(),
                stored.createdBy(), stored.updatedAt(), stored.updatedBy()), stored.version());
        assertThat(instance.crm.deals().fillClosedAt()).isEqualTo(1);
        assertThat(instance.stores.deals().findById(won.id()).orElseThrow().closedAt()).isEqualTo(stored.updatedAt());
        assertThat(instance.stores.deals().findById(open.id()).orElseThrow().closedAt()).isNull();
        assertThat(instance.crm.deals().fillClosedAt()).isZero();
    }

    @Test
    void aNewDealStartsInTheFirstStageOfTheDefaultPipeline() {
        Deal d = deal("A", "10", "EUR");
        assertThat(d.pipelineId()).isEqualTo("sales");
        assertThat(d.stageId()).isEqualTo("lead");
        assertThat(d.status()).isEqualTo(DealStatus.OPEN);
    }

    @Test
    void movingPlacesTheDealAtTheAskedPositionAndKeepsTheOthersInOrder() {
        Deal a = deal("A", "10", "EUR");
        Deal b = deal("B", "20", "EUR");
        Deal c = deal("C", "30", "EUR");
        instance.crm.deals().move(instance.owner, a.id(), "qualified", 0, null);
        instance.crm.deals().move(instance.owner, b.id(), "qualified", 0, null);
        instance.crm.deals().move(instance.owner, c.id(), "qualified", 1, null);
        assertThat(titlesIn("qualified")).containsExactly("B", "C", "A");
        instance.crm.deals().move(instance.owner, b.id(), "qualified", 2, null); // within the stage, to the end
        assertThat(titlesIn("qualified")).containsExactly("C", "A", "B");
    }

    @Test
    void theBoardTotalsCountAndValuePerCurrencyAndFollowMoves() {
        Deal a = deal("A", "100.50", "EUR");
        deal("B", "200", "EUR");
        deal("C", "5", "USD");
        assertThat(column("lead").count()).isEqualTo(3);
        assertThat(column("lead").totals().get("EUR")).isEqualByComparingTo("300.50");
        instance.crm.deals().move(instance.owner, a.id(), "won", null, a.version());
        assertThat(column("lead").count()).isEqualTo(2);
        assertThat(column("lead").totals().get("EUR")).isEqualByComparingTo("200");
        assertThat(column("won").totals().get("EUR")).isEqualByComparingTo("100.50");
        assertThat(instance.crm.deals().get(instance.owner, a.id()).status()).isEqualTo(DealStatus.WON);
    }

    @Test
    void aMoveIsAuditedAndShowsOnTheTimeline() {
        Deal a = deal("A", "1", "EUR");
        instance.crm.deals().move(instance.owner, a.id(), "proposal", 0, null);
        var timeline = instance.crm.timeline().of(instance.owner, RecordType.DEAL, a.id(), 20);
        assertThat(timeline.getFirst().kind()).isEqualTo("deal.move");
        assertThat(timeline.getFirst().details()).containsEntry("stageId", "proposal");
    }

    @Test
    void aStaleVersionIsRefused() {
        Deal a = deal("A", "1", "EUR");
        instance.crm.deals().move(instance.owner, a.id(), "proposal", 0, a.version());
        assertThatThrownBy(() -> instance.crm.deals().move(instance.owner, a.id(), "won", 0, a.version()))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
    }

    @Test
    void aStageOfAnotherPipelineIsRefused() {
        var other = instance.crm.pipelines().create(instance.owner, new PipelineDraft("Renewals",
                List.of(new StageDraft(null, "Due", 50, StageKind.OPEN))));
        Deal a = deal("A", "1", "EUR");
        assertThatThrownBy(() -> instance.crm.deals().move(instance.owner, a.id(), other.stages().getFirst().id(), 0, null))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    }

    @Test
    void aStageThatHoldsDealsCannotBeRemoved() {
        deal("A", "1", "EUR");
        var sales = instance.crm.pipelines().get(instance.owner, "sales");
        var withoutLead = sales.stages().stream().filter(s -> !s.id().equals("lead"))
                .map(s -> new StageDraft(s.id(), s.name(), s.probability(), s.kind())).toList();
        assertThatThrownBy(() -> instance.crm.pipelines().update(instance.owner, "sales", null, new PipelineDraft("Sales", withoutLead)))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void badDealInputNamesEveryBadField() {
        assertThatThrownBy(() -> instance.crm.deals().create(instance.owner,
                new DealDraft("", new BigDecimal("-1"), "XYZ", "nope", null, null, List.of("missing"), null, null, null)))
                .isInstanceOfSatisfying(LiteDeskException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).contains("title", "value", "currency", "pipelineId", "contactIds[0]"));
    }
}
