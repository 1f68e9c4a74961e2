package com.litedesk.app;

import com.litedesk.app.instance.InstanceApplication;
import com.litedesk.app.config.ConfigurationError;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.wiring.InstanceComponent;
import com.litedesk.ports.LiteDeskException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@code java -jar litedesk.jar [instance]}: runs one standalone instance (what a container or a
 * pod runs). Bad configuration stops start-up with one line and exit code 2.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String role = args.length == 0 ? "instance" : args[0];
        if (!role.equals("instance") || args.length > 1) {
            System.err.println("litedesk: usage: java -jar litedesk.jar [instance]");
            System.exit(2);
        }
        try {
            InstanceApplication app = startInstance(LiteDeskConfig.fromEnvironment());
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "litedesk-shutdown"));
        } catch (ConfigurationError e) {
            System.err.println("litedesk: " + e.getMessage());
            System.exit(2);
        } catch (LiteDeskException e) {
            System.err.println("litedesk: " + e.getMessage()
                    + (e.errors().isEmpty() ? "" : " " + e.errors().getFirst().field() + ": " + e.errors().getFirst().message()));
            System.exit(2);
        }
    }

    /** Builds, bootstraps (first start only) and starts an instance. */
    public static InstanceApplication startInstance(LiteDeskConfig config) {
        InstanceApplication app = InstanceComponent.of(config).application();
        bootstrap(app, config);
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
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
