package com.litedesk.ports.platform;

import com.litedesk.ports.store.Entity;
import java.util.List;

/**
 * The recent health checks and usage samples of one instance (id = instance id), newest last, each list cut
 * to the retention limit. One document per instance keeps a history read a lookup by id.
 */
public record InstanceHistory(String id, long version, List<HealthSample> health, List<UsageSample> usage) implements Entity {
}
