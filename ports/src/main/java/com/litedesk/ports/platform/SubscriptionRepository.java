package com.litedesk.ports.platform;

import com.litedesk.ports.store.Repository;

/** Subscriptions. */
public interface SubscriptionRepository extends Repository<Subscription> {
}
