package com.litedesk.app.wiring;

import com.litedesk.app.instance.InstanceStorage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.instance.InstanceApplication;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.http.Api;
import com.litedesk.app.http.RequestPipeline;
import com.litedesk.app.http.RequestStats;
import com.litedesk.app.http.RouteCatalog;
import com.litedesk.app.http.resources.AdministrationResources;
import com.litedesk.app.http.resources.AuthResource;
import com.litedesk.app.http.resources.CrmResources;
import com.litedesk.app.http.resources.HealthResource;
import com.litedesk.app.http.resources.ManagementResource;
import com.litedesk.app.http.resources.OpenApiResource;
import com.litedesk.app.mail.OutboxMailer;
import com.litedesk.app.security.BcryptPasswordHasher;
import com.litedesk.app.security.JwtTokenService;
import com.litedesk.app.security.SigningKeys;
import com.litedesk.core.LiteDesk;
import com.litedesk.ports.IdGenerator;
import com.litedesk.ports.instance.InstanceRepositories;
import com.litedesk.ports.instance.InstanceSettings;
import dagger.Provides;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;

/** How an instance is assembled. Core classes carry no annotations, so they are provided here. */
@dagger.Module(includes = CommonModule.class)
public final class InstanceModule {

    static final String VERSION = InstanceModule.class.getPackage().getImplementationVersion() == null
            ? "dev" : InstanceModule.class.getPackage().getImplementationVersion();

    private InstanceModule() {
    }

    @Provides
    @Singleton
    static InstanceStorage storage(LiteDeskConfig config, com.litedesk.adapters.sqlite.SqliteFiles files) {
        return InstanceStorage.open(config, files);
    }

    @Provides
    @Singleton
    static InstanceRepositories repositories(InstanceStorage storage) {
        return storage.repositories();
    }

    @Provides
    @Singleton
    static SigningKeys signingKeys(LiteDeskConfig config, InstanceRepositories stores, Clock clock) {
        return SigningKeys.open(stores.secrets(), config.signingKey(), "jwt-signing-key",
                com.litedesk.core.identity.Authentication.ACCESS_TTL.plusMinutes(1), clock, true);
    }

    @Provides
    @Singleton
    static LiteDesk liteDesk(LiteDeskConfig config, InstanceRepositories stores, Clock clock, IdGenerator ids, SigningKeys key) {
        return LiteDesk.builder()
                .repositories(stores)
                .passwordHasher(new BcryptPasswordHasher(config.bcryptCost()))
                .tokenService(new JwtTokenService(key, "litedesk:instance:" + config.instanceId(), clock))
                .mailer(new OutboxMailer(stores.outbox(), ids, clock,
                        com.litedesk.app.platform.OutsideServices.mailDelivery(config, new java.util.ArrayList<>())))
                .clock(clock)
                .ids(ids)
                .publicUrl(config.publicUrl())
                .instanceName(config.instanceName())
                .build();
    }

    @Provides
    @Singleton
    static Api api(ObjectMapper json, LiteDesk crm, InstanceRepositories stores, Clock clock, LiteDeskConfig config) {
        return new Api(json, crm.auth(), stores.idempotency(), clock, config.maxBodyBytes(), new RouteCatalog());
    }

    @Provides
    @Singleton
    static RequestPipeline pipeline(LiteDeskConfig config, LiteDesk crm, RequestStats stats, ObjectMapper json,
                                    com.litedesk.app.http.RequestLog log) {
        return new RequestPipeline(config.instanceId(), config.rateLimitPerMinute(), () -> {
            Integer perMinute = crm.settings().limits().requestsPerMinute();
            return perMinute == null ? 0 : perMinute;
        }, crm.auth()::userOfToken, config.trustedProxies(), stats, json, log);
    }

    @Provides
    @Singleton
    static InstanceApplication application(LiteDeskConfig config, InstanceStorage storage, LiteDesk crm, Api api,
                                           RequestPipeline pipeline, RequestStats stats, InstanceRepositories stores,
                                           SigningKeys signingKeys) {
        List<io.helidon.webserver.http.HttpService> services = new java.util.ArrayList<>(List.of(
                // the records first: routes are tried in order, and these are most of what is asked for
                new CrmResources(api, crm, config.maxImportBytes()),
                new com.litedesk.app.http.resources.NotificationResources(api, crm.notifications()),
                new com.litedesk.app.http.resources.SearchResource(api, crm),
                new HealthResource(api, stores, config.instanceId(), VERSION),
                new AuthResource(api, crm.auth(), "/api"),
                new com.litedesk.app.http.resources.PasswordResetResource(api, crm.passwordResets()),
                new AdministrationResources(api, crm, stats),
                new com.litedesk.app.http.resources.BrandingResource(api, crm),
                new com.litedesk.app.http.resources.SavedViewResources(api, crm),
                new ManagementResource(api, crm, stats, config.managementKey(), signingKeys),
                new OpenApiResource(api, OpenApiResource.INSTANCE_TITLE, VERSION)));
        services.addAll(com.litedesk.app.web.WebUi.instance());
        return new InstanceApplication(storage, crm, api, pipeline, services,
                config.bindHost(), config.port(), Math.max(config.maxBodyBytes(), config.maxImportBytes()), config.reminderInterval());
    }
}
