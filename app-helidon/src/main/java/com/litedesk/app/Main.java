package com.litedesk.app;

import com.litedesk.app.instance.InstanceApplication;
import com.litedesk.app.config.ConfigurationError;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.config.ListenPort;
import com.litedesk.app.config.PlatformConfig;
import com.litedesk.app.logging.Logging;
import com.litedesk.app.platform.ControlPlaneApplication;
import com.litedesk.app.wiring.ControlPlaneComponent;
import com.litedesk.app.wiring.InstanceComponent;
import com.litedesk.ports.LiteDeskException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@code java -jar litedesk.jar}: the control plane (with SQLite files and the in-process runtime
 * unless configured otherwise); {@code java -jar litedesk.jar instance}: one standalone instance (what a
 * container or a pod runs). Bad configuration stops start-up with one line and exit code 2.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // the front door forwards the original Host header; the JDK's client allows it only when told so
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        // Helidon looks its mapper manager up in its service registry on every use (every path parameter of every
        // request) unless one is set; set before anything uses it, it is a field read
        io.helidon.common.mapper.MapperManager.global(io.helidon.common.mapper.MapperManager.create());
        String role = args.length == 0 ? "control-plane" : args[0];
        if ((role.equals("backup") || role.equals("restore")) && args.length == 3) {
            System.exit(copy(role, java.nio.file.Path.of(args[1]), java.nio.file.Path.of(args[2])));
        }
        if (!java.util.Set.of("instance", "control-plane").contains(role) || args.length > 1) {
            System.err.println("litedesk: usage: java -jar litedesk.jar [control-plane|instance]"
                    + " | backup <instance database file> <backup file> | restore <instance database file> <backup file>");
            System.exit(2);
        }
        Logging logging = Logging.install(System.getenv("LITEDESK_LOG_FORMAT"));
        try {
            LiteDeskConfig config = LiteDeskConfig.fromEnvironment();
            PlatformConfig platform = role.equals("instance") ? null : PlatformConfig.fromEnvironment(config);
            ListenPort.requireFree(config.bindHost(), config.port());
            AutoCloseable app = switch (role) {
                case "instance" -> startInstance(config, logging);
                default -> startControlPlane(config, platform, logging);
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

    /**
     * {@code backup}: writes the instance database at {@code database} to {@code file} in the portable backup format
     * (from a consistent copy, while the instance may go on writing); {@code restore}: replaces its records with those
     * of {@code file}. Prints how many records; what the Docker runtime runs in a helper container on a volume.
     */
    private static int copy(String role, java.nio.file.Path database, java.nio.file.Path file) {
        try (var files = new com.litedesk.adapters.sqlite.SqliteFiles(com.litedesk.adapters.sqlite.SqliteSettings.defaults())) {
            long records;
            if (role.equals("backup")) {
                if (!java.nio.file.Files.exists(database)) {
                    System.err.println("litedesk: no database at " + database);
                    return 2;
                }
                try (var out = java.nio.file.Files.newOutputStream(file)) {
                    records = files.dump(database, out);
                }
            } else {
                try (var in = java.nio.file.Files.newInputStream(file)) {
                    records = files.restore(database, in);
                }
            }
            System.out.println((role.equals("backup") ? "backed up " : "restored ") + records);
            return 0;
        } catch (java.io.IOException | LiteDeskException e) {
            System.err.println("litedesk: " + role + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** Builds the control plane, starts it and creates its first admin (first start only), printing to standard output. */
    public static ControlPlaneApplication startControlPlane(LiteDeskConfig config, PlatformConfig platform) {
        return startControlPlane(config, platform, Logging.to(config.logFormat(), System.out));
    }

    private static ControlPlaneApplication startControlPlane(LiteDeskConfig config, PlatformConfig platform, Logging logging) {
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
        // the admin exists before the first request is served; the port was found free before anything was built
        app.platform().bootstrap(email, "Platform admin", password);
        app.start();
        if (generated && firstStart) {
            logging.notice("First start: sign in to the console at http://" + config.baseDomain() + ":" + platform.publicPort() + "/console/",
                    java.util.List.of("email     " + email, "password  " + password, "",
                            "Shown this once. Set LITEDESK_ADMIN_EMAIL and LITEDESK_ADMIN_PASSWORD to choose them."));
        }
        if (app.port() < 0) { // taken between the check and the start: the password above is not lost
            app.close();
            throw ListenPort.taken(config.bindHost(), config.port());
        }
        logging.announce("LiteDesk control plane listening on http://" + config.baseDomain() + ":" + app.port()
                + " (runtime " + config.runtime() + "; instances at http://<subdomain>." + config.baseDomain() + ":" + platform.publicPort() + ")");
        return app;
    }

    private static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Builds, starts and bootstraps (first start only) an instance, printing to standard output. */
    public static InstanceApplication startInstance(LiteDeskConfig config) {
        return startInstance(config, Logging.to(config.logFormat(), System.out));
    }

    private static InstanceApplication startInstance(LiteDeskConfig config, Logging logging) {
        InstanceApplication app = InstanceComponent.of(config).application();
        if (config.managementKey() == null) {
            bootstrap(app, config, logging); // a standalone instance sets itself up; a managed one is seeded by its control plane
        }
        app.start();
        if (app.port() < 0) { // taken between the check and the start
            app.close();
            throw ListenPort.taken(config.bindHost(), config.port());
        }
        logging.announce("LiteDesk instance '" + config.instanceId() + "' listening on http://localhost:" + app.port()
                + " (public URL " + config.publicUrl() + ")");
        return app;
    }

    private static void bootstrap(InstanceApplication app, LiteDeskConfig config, Logging logging) {
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
            logging.notice("First start: sign in at " + config.publicUrl() + "/",
                    java.util.List.of("email     " + email, "password  " + password, "",
                            "Shown this once. Set LITEDESK_OWNER_EMAIL and LITEDESK_OWNER_PASSWORD to choose them."));
        }
    }
}
