package com.litedesk.core.crm.pipelines;

import com.litedesk.ports.contract.MaxItems;
import com.litedesk.ports.contract.MaxLength;
import java.util.List;

/** A pipeline as a client writes it: a name and its stages in board order. */
public record PipelineDraft(@MaxLength(100) String name, @MaxItems(20) List<StageDraft> stages) {
}
