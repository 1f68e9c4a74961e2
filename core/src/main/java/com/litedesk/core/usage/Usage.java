package com.litedesk.core.usage;

/** What an instance holds right now. */
public record Usage(long activeUsers, long contacts, long companies, long deals, long openTasks, long notes, long storageBytes) {
}
