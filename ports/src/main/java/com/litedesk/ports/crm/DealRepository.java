package com.litedesk.ports.crm;

import com.litedesk.ports.store.Repository;
import java.util.List;

/** Deals, with the board totals computed where the data lives. */
public interface DealRepository extends Repository<Deal> {
    /** Count and value per currency of the deals of every stage of a pipeline that has any. */
    List<StageTotals> stageTotals(String pipelineId);
}
