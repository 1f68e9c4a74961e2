package com.litedesk.app.platform;

import com.litedesk.ports.platform.BillingProvider;
import com.litedesk.ports.platform.Customer;
import java.util.ArrayList;
import java.util.List;

/**
 * The billing provider until a real one (Stripe) is connected: it charges nobody, logs every call and keeps
 * them for inspection. References are derived from the customer id, so registering again is idempotent.
 */
public final class RecordingBillingProvider implements BillingProvider {

    private static final System.Logger LOG = System.getLogger("litedesk.billing");
    private final List<String> calls = new ArrayList<>();

    @Override
    public synchronized String registerCustomer(Customer customer) {
        record("register customer " + customer.id() + " (" + customer.name() + ")");
        return "fake_cus_" + customer.id();
    }

    @Override
    public synchronized void changePlan(String billingReference, String instanceId, String planId) {
        record("plan of " + instanceId + " is now " + planId + " for " + billingReference);
    }

    @Override
    public synchronized void cancel(String billingReference, String instanceId) {
        record("billing of " + instanceId + " cancelled for " + billingReference);
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private void record(String call) {
        calls.add(call);
        LOG.log(System.Logger.Level.INFO, "billing (fake): " + call);
    }
}
