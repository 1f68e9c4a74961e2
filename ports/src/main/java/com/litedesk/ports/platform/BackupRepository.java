package com.litedesk.ports.platform;

import com.litedesk.ports.store.Repository;

/** The catalogue of backups. */
public interface BackupRepository extends Repository<Backup> {
}
