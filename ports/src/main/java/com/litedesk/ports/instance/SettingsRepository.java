package com.litedesk.ports.instance;

import com.litedesk.ports.store.Repository;

/** Storage of the instance's single {@link InstanceSettings} record. */
public interface SettingsRepository extends Repository<InstanceSettings> {
}
