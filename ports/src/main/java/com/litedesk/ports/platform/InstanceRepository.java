package com.litedesk.ports.platform;

import com.litedesk.ports.store.Repository;
import java.util.Optional;

/** Instances. Unique key: the subdomain of an instance that is not DELETED. */
public interface InstanceRepository extends Repository<Instance> {
    Optional<Instance> findBySubdomain(String subdomain);
}
