package com.litedesk.core.settings;

import com.litedesk.ports.instance.InstanceSettings;
import com.litedesk.ports.instance.SettingsRepository;
import com.litedesk.ports.store.Condition;
import com.litedesk.ports.store.Page;
import com.litedesk.ports.store.Query;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The instance's settings store, remembering the one settings record: every request and every imported row reads it
 * (limits, custom field definitions), and it changes rarely. What is written through this store is seen at once; a
 * change made around it (a restore) within a second.
 */
public final class RememberedSettings implements SettingsRepository {

    private static final long FRESH_MILLIS = 1_000;

    private record Seen(Optional<InstanceSettings> settings, long atMillis) {
    }

    private final SettingsRepository store;
    private final Clock clock;
    private volatile Seen seen;

    public RememberedSettings(SettingsRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<InstanceSettings> findById(String id) {
        if (!InstanceSettings.ID.equals(id)) {
            return store.findById(id);
        }
        long now = clock.millis();
        Seen last = seen;
        if (last == null || now - last.atMillis() >= FRESH_MILLIS) {
            last = new Seen(store.findById(id), now);
            seen = last;
        }
        return last.settings();
    }

    private void forget() {
        seen = null;
    }

    @Override
    public InstanceSettings insert(InstanceSettings entity) {
        forget();
        try {
            return store.insert(entity);
        } finally {
            forget();
        }
    }

    @Override
    public void insertAll(List<InstanceSettings> entities) {
        forget();
        try {
            store.insertAll(entities);
        } finally {
            forget();
        }
    }

    @Override
    public InstanceSettings replace(InstanceSettings entity, long expectedVersion) {
        forget();
        try {
            return store.replace(entity, expectedVersion);
        } finally {
            forget();
        }
    }

    @Override
    public void delete(String id, long expectedVersion) {
        forget();
        try {
            store.delete(id, expectedVersion);
        } finally {
            forget();
        }
    }

    @Override
    public Page<InstanceSettings> list(Query query) {
        return store.list(query);
    }

    @Override
    public long count(List<Condition> where) {
        return store.count(where);
    }
}
