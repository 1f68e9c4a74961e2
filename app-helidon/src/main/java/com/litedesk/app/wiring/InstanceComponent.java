package com.litedesk.app.wiring;

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

    static InstanceComponent of(LiteDeskConfig config) {
        return DaggerInstanceComponent.factory().create(config);
    }

    /** Builds the graph for a configuration. */
    @Component.Factory
    interface Factory {
        InstanceComponent create(@BindsInstance LiteDeskConfig config);
    }
}
