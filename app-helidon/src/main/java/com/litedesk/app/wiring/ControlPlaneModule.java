package com.litedesk.app.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.config.PlatformConfig;
import com.litedesk.app.http.Api;
import com.litedesk.app.http.RequestPipeline;
import com.litedesk.app.http.RequestStats;
import com.litedesk.app.http.RouteCatalog;
import com.litedesk.app.http.resources.AuthResource;
import com.litedesk.app.http.resources.OpenApiResource;
import com.litedesk.app.http.resources.PlatformAdminResources;
import com.litedesk.app.http.resources.PlatformHealthResource;
import com.litedesk.app.http.resources.PublicResource;
import com.litedesk.app.mail.OutboxMailer;
import com.litedesk.app.platform.ControlPlaneApplication;
import com.litedesk.app.platform.ControlPlaneStorage;
import com.litedesk.app.platform.CrashPoint;
import com.litedesk.app.platform.FrontDoor;
import com.litedesk.app.platform.HttpInstanceAgent;
import com.litedesk.app.platform.Runtimes;
import com.litedesk.app.platform.OutsideServices;
import com.litedesk.app.platform.RecordingBillingProvider;
import com.litedesk.app.security.BcryptPasswordHasher;
import com.litedesk.app.security.JwtTokenService;
import com.litedesk.app.security.SigningKeys;
import com.litedesk.core.platform.ControlPlane;
import com.litedesk.core.platform.context.PlatformSettings;
import com.litedesk.core.platform.provisioning.StepListener;
import com.litedesk.ports.IdGenerator;
import com.litedesk.ports.platform.PlatformRepositories;
import dagger.Provides;
import javax.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * How the control plane is assembled: its storage, the runtime chosen by LITEDESK_RUNTIME (in-process by
 * default), DNS, backups and mail chosen by LITEDESK_DNS, LITEDESK_BACKUPS and LITEDESK_MAIL, billing, and its HTTP API behind the front door.
 */
@dagger.Module(includes = CommonModule.class)
public final class ControlPlaneModule {

    private ControlPlaneModule() {
    }

    @Provides
    @Singleton
    static ControlPlaneStorage storage(LiteDeskConfig config, PlatformConfig platform) {
        return ControlPlaneStorage.open(config, new com.litedesk.adapters.sqlite.SqliteFiles(InstanceComponent.sqliteSettings(config)),
                platform.instanceDatabaseUsers());
    }

    @Provides
    @Singleton
    static PlatformRepositories repositories(ControlPlaneStorage storage) {
        return storage.repositories();
    }

    @Provides
    @Singleton
    static Runtimes runtimes(LiteDeskConfig config, PlatformConfig platform, ControlPlaneStorage storage) {
        return Runtimes.choose(config, platform, storage, instance -> InstanceComponent.of(instance, storage.files()).application());
    }

    @Provides
    @Singleton
    static OutsideServices outside(LiteDeskConfig config, ObjectMapper json, Clock clock) {
        return OutsideServices.choose(config, json, clock);
    }

    @Provides
    @Singleton
    static PlatformSettings settings(LiteDeskConfig config, PlatformConfig platform) {
        var local = PlatformSettings.local(platform.publicPort());
        return new PlatformSettings(config.baseDomain(), platform.publicScheme(), platform.publicPort(),
                config.integrations().dnsTarget(),
                platform.provisioningAttempts(), platform.provisioningFirstRetry(), local.maxRetry(), local.stepTimeout(), local.healthyTimeout(),
                local.historyRetention(), local.degradedAfter(), local.monitoringConcurrency(), local.trialGrace(),
                platform.demoConfirmationTtl());
    }

    @Provides
    @Singleton
    static SigningKeys signingKeys(ControlPlaneStorage storage, Clock clock) {
        return SigningKeys.open(storage.repositories().accounts().secrets(), null, "jwt-signing-key",
                com.litedesk.core.identity.Authentication.ACCESS_TTL.plusMinutes(1), clock, false);
    }

    @Provides
    @Singleton
    static ControlPlane controlPlane(LiteDeskConfig config, PlatformConfig platform, ControlPlaneStorage storage, Runtimes runtimes,
                                     OutsideServices outside, PlatformSettings settings, ObjectMapper json, Clock clock, IdGenerator ids,
                                     SigningKeys key) {
        var accounts = storage.repositories().accounts();
        StepListener listener = platform.crashAfterStep() == null ? StepListener.NONE : new CrashPoint(platform.crashAfterStep());
        String consoleUrl = platform.publicScheme() + "://" + config.baseDomain()
                + (platform.publicPort() == 80 || platform.publicPort() == 443 ? "" : ":" + platform.publicPort());
        return ControlPlane.builder()
                .repositories(storage.repositories())
                .runtime(runtimes.runtime())
                .databases(runtimes.databases())
                .dns(outside.dns())
                .agent(new HttpInstanceAgent(json, clock))
                .mailer(new OutboxMailer(accounts.outbox(), ids, clock, outside.mailDelivery()))
                .backupStore(outside.backups())
                .billing(new RecordingBillingProvider())
                .passwordHasher(new BcryptPasswordHasher(config.bcryptCost()))
                .tokenService(new JwtTokenService(key, "litedesk:platform", clock))
                .clock(clock)
                .ids(ids)
                .settings(settings)
                .listener(listener)
                .publicUrl(consoleUrl)
                .mailProvider(outside.mailDelivery() == null ? null : config.integrations().mail())
                .build();
    }

    @Provides
    @Singleton
    static Api api(ObjectMapper json, ControlPlane platform, PlatformRepositories stores, Clock clock, LiteDeskConfig config) {
        return new Api(json, platform.auth(), stores.accounts().idempotency(), clock, config.maxBodyBytes(), new RouteCatalog());
    }

    @Provides
    @Singleton
    static RequestPipeline pipeline(LiteDeskConfig config, ControlPlane platform, RequestStats stats, ObjectMapper json,
                                    com.litedesk.app.http.RequestLog log) {
        return new RequestPipeline("control-plane", config.rateLimitPerMinute(), () -> 0, platform.auth()::userOfToken,
                config.trustedProxies(), stats, json, log);
    }

    @Provides
    @Singleton
    static FrontDoor frontDoor(LiteDeskConfig config, PlatformConfig platform, PlatformRepositories stores, Runtimes runtimes,
                               ObjectMapper json) {
        return new FrontDoor(config.baseDomain(), platform.publicScheme(), stores.instances(), runtimes.runtime(), json,
                runtimes.inProcess() == null ? null : runtimes.inProcess()::routingOf, config.trustedProxies());
    }

    @Provides
    @Singleton
    static ControlPlaneApplication application(LiteDeskConfig config, PlatformConfig platform, ControlPlaneStorage storage,
                                               ControlPlane controlPlane, Runtimes runtimes, OutsideServices outside, Api api, RequestPipeline pipeline,
                                               FrontDoor frontDoor, SigningKeys signingKeys) {
        List<io.helidon.webserver.http.HttpService> services = new java.util.ArrayList<>(List.of(
                new PlatformHealthResource(api, controlPlane, InstanceModule.VERSION, config.runtime()),
                new AuthResource(api, controlPlane.auth(), "/api/admin"),
                new PublicResource(api, controlPlane, platform.demoRequestsPerHour()),
                new PlatformAdminResources(api, controlPlane, signingKeys::rotate),
                new OpenApiResource(api, OpenApiResource.CONTROL_PLANE_TITLE, InstanceModule.VERSION)));
        services.addAll(com.litedesk.app.web.WebUi.controlPlane());
        return new ControlPlaneApplication(storage, controlPlane, runtimes, platform, outside,
                config.integrations().backupRetention(), api, pipeline, frontDoor, services,
                // in-process instances' imports arrive through this server too; every route keeps its own body limit
                config.bindHost(), config.port(), Math.max(config.maxBodyBytes(), config.maxImportBytes()));
    }
}
