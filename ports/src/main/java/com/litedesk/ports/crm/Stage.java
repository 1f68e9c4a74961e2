package com.litedesk.ports.crm;

/** One column of a pipeline: a win probability of 0–100 and a kind. */
public record Stage(String id, String name, int probability, StageKind kind) {
}
