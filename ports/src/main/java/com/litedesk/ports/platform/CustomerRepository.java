package com.litedesk.ports.platform;

import com.litedesk.ports.store.Repository;

/** Customers. */
public interface CustomerRepository extends Repository<Customer> {
}
