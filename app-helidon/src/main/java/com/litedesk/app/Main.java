package com.litedesk.app;

import com.litedesk.app.instance.InstanceApplication;
import com.litedesk.app.config.ConfigurationError;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.config.PlatformConfig;
import com.litedesk.app.platform.ControlPlaneApplication;
import com.litedesk.app.wiring.ControlPlaneComponent;
import com.litedesk.app.wiring.InstanceComponent;
import com.litedesk.ports.LiteDeskException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@code java -jar litedesk.jar}: the control plane (with the embedded database and the in-process runtime
 * unless configured otherwise); {@code java -jar litedesk.jar instance}: one standalone instance (what a
 * container or a pod runs). Bad configuration stops start-up with one line and exit code 2.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // the front door forwards the original Host header; the JDK's client allows it only when told so
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        String role = args.length == 0 ? "control-plane" : args[0];
        if (!java.util.Set.of("instance", "control-plane", "database").contains(role) || args.length > 1) {
            System.err.println("litedesk: usage: java -jar litedesk.jar [control-plane|instance|database]");
            System.exit(2);
        }
        try {
            LiteDeskConfig config = LiteDeskConfig.fromEnvironment();
            AutoCloseable app = switch (role) {
                case "instance" -> startInstance(config);
                case "database" -> startDatabase(config);
                default -> startControlPlane(config, PlatformConfig.fromEnvironment(config));
            };
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    app.close();
                } catch (Exception ignored) {
                    // shutting down
                }
            }, "litedesk-shutdown"));
        } catch (ConfigurationError e) {
            System.err.println("litedesk: " + e.getMessage());
            System.exit(2);
        } catch (LiteDeskException e) {
            System.err.println("litedesk: " + e.getMessage()
                    + (e.errors().isEmpty() ? "" : " " + e.errors().getFirst().field() + ": " + e.errors().getFirst().message()));
            System.exit(2);
        }
    }

    /** Builds the control plane, creates its first admin (first start only) and starts it. */
    public static ControlPlaneApplication startControlPlane(LiteDeskConfig config, PlatformConfig platform) {
        ControlPlaneApplication app = ControlPlaneComponent.of(config, platform).application();
        String email = platform.adminEmail();
        String password = platform.adminPassword();
        boolean generated = false;
        if (email == null) {
            email = "admin@litedesk.local";
            password = randomPassword();
            generated = true;
        }
        boolean firstStart = app.platform().admins().owner().isEmpty();
        app.platform().bootstrap(email, "Platform admin", password);
        app.start();
        System.out.println("LiteDesk control plane listening on http://" + config.baseDomain() + ":" + app.port()
                + " (runtime " + config.runtime() + "; instances at http://<subdomain>." + config.baseDomain() + ":" + platform.publicPort() + ")");
        if (generated && firstStart) {
            System.out.println("First start: the platform admin is " + email + " with the password " + password
                    + " (shown once; set LITEDESK_ADMIN_EMAIL / LITEDESK_ADMIN_PASSWORD to choose them)");
        }
        return app;
    }

    private static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * The {@code database} role: the embedded MongoDB-wire server on its own, its data under
     * {@code LITEDESK_DATA_DIR}, listening on {@code LITEDESK_BIND_HOST:LITEDESK_DB_PORT} — the database
     * container of an instance where no MongoDB image can be pulled.
     */
    public static AutoCloseable startDatabase(LiteDeskConfig config) {
        try {
            java.nio.file.Files.createDirectories(config.dataDir());
        } catch (java.io.IOException e) {
            throw new ConfigurationError("LITEDESK_DATA_DIR " + config.dataDir() + " cannot be created: " + e.getMessage());
        }
        int port = Integer.parseInt(java.util.Objects.requireNonNullElse(System.getenv("LITEDESK_DB_PORT"), "27017"));
        var server = com.litedesk.adapters.mongo.EmbeddedMongoServer.start(config.dataDir().resolve("litedesk-db.mv"),
                config.dbCacheMb(), config.bindHost(), port);
        System.out.println("LiteDesk database listening on " + config.bindHost() + ":" + port + " (" + server.connectionString() + ")");
        return server;
    }

    /** Builds, bootstraps (first start only) and starts an instance. */
    public static InstanceApplication startInstance(LiteDeskConfig config) {
        InstanceApplication app = InstanceComponent.of(config).application();
        if (config.managementKey() == null) {
            bootstrap(app, config); // a standalone instance sets itself up; a managed one is seeded by its control plane
        }
        app.start();
        System.out.println("LiteDesk instance '" + config.instanceId() + "' listening on http://localhost:" + app.port()
                + " (public URL " + config.publicUrl() + ")");
        return app;
    }

    private static void bootstrap(InstanceApplication app, LiteDeskConfig config) {
        String email = config.ownerEmail();
        String password = config.ownerPassword();
        boolean generated = false;
        if (email == null) {
            email = "owner@litedesk.local";
            password = randomPassword();
            generated = true;
        }
        boolean firstStart = !app.crm().isSetUp();
        app.crm().bootstrap(config.instanceName(), email, config.ownerName(), password);
        if (generated && firstStart) {
            System.out.println("First start: the Owner is " + email + " with the password " + password
                    + " (shown once; set LITEDESK_OWNER_EMAIL / LITEDESK_OWNER_PASSWORD to choose them)");
        }
    }
}
