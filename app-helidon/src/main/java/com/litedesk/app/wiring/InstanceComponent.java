package com.litedesk.app.wiring;

import com.litedesk.adapters.sqlite.SqliteFiles;
import com.litedesk.adapters.sqlite.SqliteSettings;
import com.litedesk.app.instance.InstanceApplication;
import com.litedesk.app.config.LiteDeskConfig;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** The object graph of one instance, built from its configuration. */
@Singleton
@Component(modules = InstanceModule.class)
public interface InstanceComponent {

    InstanceApplication application();

    /** A standalone instance: the only user of its SQLite file in this process. */
    static InstanceComponent of(LiteDeskConfig config) {
        return of(config, new SqliteFiles(sqliteSettings(config)));
    }

    /** An instance inside a control plane, sharing its open SQLite files (backups and restores use the same handle). */
    static InstanceComponent of(LiteDeskConfig config, SqliteFiles files) {
        return DaggerInstanceComponent.factory().create(config, files);
    }

    static SqliteSettings sqliteSettings(LiteDeskConfig config) {
        return SqliteSettings.defaults().withSynchronous(config.sqliteSynchronous());
    }

    /** Builds the graph for a configuration. */
    @Component.Factory
    interface Factory {
        InstanceComponent create(@BindsInstance LiteDeskConfig config, @BindsInstance SqliteFiles files);
    }
}
