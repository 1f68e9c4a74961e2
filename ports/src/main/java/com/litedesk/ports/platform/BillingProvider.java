package com.litedesk.ports.platform;

/**
 * The payment provider (Stripe, later). The control plane tells it about customers and plan changes; it
 * never decides access on its own. Idempotent by customer id. UNAVAILABLE when it cannot be reached.
 */
public interface BillingProvider {

    /** Registers the customer (or finds it) and returns the provider's reference for it. */
    String registerCustomer(Customer customer);

    /** Records that the customer's instance is now on {@code planId}. */
    void changePlan(String billingReference, String instanceId, String planId);

    /** Stops billing for the instance. */
    void cancel(String billingReference, String instanceId);
}
