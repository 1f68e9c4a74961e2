package com.litedesk.ports.crm;

/** A deal's status, derived from the kind of the stage it is in. */
public enum DealStatus {
    OPEN, WON, LOST;

    public static DealStatus of(StageKind kind) {
        return switch (kind) {
            case OPEN -> OPEN;
            case WON -> WON;
            case LOST -> LOST;
        };
    }
}
