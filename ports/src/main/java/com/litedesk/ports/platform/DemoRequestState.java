package com.litedesk.ports.platform;

/**
 * Where a prospect's demo request stands. CONVERTED and REJECTED are final. UNCONFIRMED is a submission for an
 * address that already has an open request: it changes nothing until confirmed through the link mailed to that
 * address, is not listed to operators, and is dropped once its confirmation time has passed.
 */
public enum DemoRequestState {
    NEW, CONTACTED, QUALIFIED, CONVERTED, REJECTED, UNCONFIRMED;

    /** Whether the request still awaits a decision (and takes confirmed later submissions from the same address). */
    public boolean isOpen() {
        return this == NEW || this == CONTACTED || this == QUALIFIED;
    }
}
