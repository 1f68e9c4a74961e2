package com.litedesk.app.wiring;

import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.config.PlatformConfig;
import com.litedesk.app.platform.ControlPlaneApplication;
import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

/** The object graph of the control plane, built from its configuration. */
@Singleton
@Component(modules = ControlPlaneModule.class)
public interface ControlPlaneComponent {

    ControlPlaneApplication application();

    static ControlPlaneComponent of(LiteDeskConfig config, PlatformConfig platform) {
        return DaggerControlPlaneComponent.factory().create(config, platform);
    }

    /** Builds the graph for a configuration. */
    @Component.Factory
    interface Factory {
        ControlPlaneComponent create(@BindsInstance LiteDeskConfig config, @BindsInstance PlatformConfig platform);
    }
}
