package com.litedesk.app.config;

/** Bad configuration: the message is the one line a person needs, naming the variable. */
public final class ConfigurationError extends RuntimeException {
    public ConfigurationError(String message) {
        super(message);
    }
}
