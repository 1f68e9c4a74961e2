package com.litedesk.app.logging;

import io.helidon.logging.common.spi.LoggingProvider;

/**
 * Tells Helidon that logging is configured (by {@link Logging#install}), so that it neither configures the JDK's
 * logging from a file of its own nor prints that there is no logging implementation.
 */
public final class HelidonLogging implements LoggingProvider {

    @Override
    public void initialization() {
        // configured by Logging.install before the server starts
    }

    @Override
    public void runTime() {
        // nothing changes at run time
    }
}
