package com.litedesk.app.http;

/**
 * A long request's way to let others go first: where the request runs within a share of the box (the front door's
 * fair sharing between in-process instances), {@link #yieldTurn()} gives its slot back and waits for it again
 * behind the requests that queued meanwhile; elsewhere it does nothing. An import yields between batches, so that
 * the other users of its instance are not held up for the whole file.
 */
public final class Turns {

    /** How the current request gives its turn up and takes it again; bound by whoever admitted it. */
    public static final ScopedValue<Runnable> YIELD = ScopedValue.newInstance();

    private Turns() {
    }

    public static void yieldTurn() {
        if (YIELD.isBound()) {
            YIELD.get().run();
        }
    }
}
