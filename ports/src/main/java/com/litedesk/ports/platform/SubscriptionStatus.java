package com.litedesk.ports.platform;

/** The commercial state of a subscription. */
public enum SubscriptionStatus {
    /** On the trial plan until {@code trialEndsAt}. */
    TRIALING,
    /** On a paid plan. */
    ACTIVE,
    /** The trial ended without a paid plan; the instance is suspended. */
    EXPIRED,
    /** Ended with the instance's deletion. */
    CANCELED
}
