package com.litedesk.ports.crm;

/** Whether a deal in a stage is still open, won or lost. */
public enum StageKind {
    OPEN, WON, LOST
}
