package com.litedesk.ports.platform;

/** Where a prospect's demo request stands. CONVERTED and REJECTED are final. */
public enum DemoRequestState {
    NEW, CONTACTED, QUALIFIED, CONVERTED, REJECTED;

    /** Whether the request still awaits a decision (and merges later requests from the same address). */
    public boolean isOpen() {
        return this == NEW || this == CONTACTED || this == QUALIFIED;
    }
}
