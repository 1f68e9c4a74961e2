package com.litedesk.core.crm.pipelines;

import java.util.List;

/** A pipeline as a client writes it: a name and its stages in board order. */
public record PipelineDraft(String name, List<StageDraft> stages) {
}
