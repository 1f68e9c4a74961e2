package com.litedesk.app.platform;

import com.litedesk.adapters.docker.DockerDatabaseProvisioner;
import com.litedesk.adapters.docker.DockerEngine;
import com.litedesk.adapters.docker.DockerInstanceRuntime;
import com.litedesk.adapters.docker.DockerSettings;
import com.litedesk.adapters.k8s.KubernetesDatabases;
import com.litedesk.adapters.mongo.MongoDatabaseProvisioner;
import com.litedesk.app.config.ConfigurationError;
import com.litedesk.app.config.LiteDeskConfig;
import com.litedesk.app.config.PlatformConfig;
import com.litedesk.app.instance.InstanceApplication;
import com.litedesk.ports.platform.DatabaseProvisioner;
import com.litedesk.ports.platform.InstanceDatabase;
import com.litedesk.ports.platform.InstanceRuntime;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The runtime LITEDESK_RUNTIME chooses, with the database provisioning that goes with it: in-process
 * instances with their databases where the control plane keeps its own (SQLite files, or MONGO_URI), containers
 * with their SQLite file on their volume (or a database container each), or Kubernetes namespaces with their
 * databases on MONGO_URI or in a StatefulSet each.
 */
public record Runtimes(InstanceRuntime runtime, DatabaseProvisioner databases, InProcessRuntime inProcess, AutoCloseable resources)
        implements AutoCloseable {

    public static Runtimes choose(LiteDeskConfig config, PlatformConfig platform, ControlPlaneStorage storage,
                                  Function<LiteDeskConfig, InstanceApplication> instances) {
        return switch (config.runtime()) {
            case "in-process" -> {
                var inProcess = new InProcessRuntime(config, instances);
                yield new Runtimes(inProcess, storage.databases(), inProcess, () -> { });
            }
            case "docker" -> {
                var engine = DockerEngine.fromEnvironment(Duration.ofSeconds(60));
                // with LITEDESK_MAIL=smtp, instances mail their users through the same server (it must be reachable from the containers)
                var mailEnv = new java.util.HashMap<>(config.integrations().smtpEnvironment());
                if (config.integrations().smtpPassword() != null) {
                    mailEnv.put("LITEDESK_SMTP_PASSWORD", config.integrations().smtpPassword());
                }
                var settings = new DockerSettings(platform.dockerImage(), platform.dockerDatabaseImage(), 512, 1.0, mailEnv);
                var databases = new DockerDatabaseProvisioner(engine, settings);
                DatabaseProvisioner provisioner = databases.databaseContainers()
                        ? new SeparateDatabases(new DatabaseServers(databases::create, databases::exists, databases::drop, databases::hostConnectionString))
                        : databases; // SQLite files on the instances' volumes, backed up by helper containers
                yield new Runtimes(new DockerInstanceRuntime(engine, settings), provisioner, null, engine);
            }
            case "kubernetes" -> {
                if (config.mongoUri() == null) {
                    throw new ConfigurationError("LITEDESK_RUNTIME=kubernetes needs MONGO_URI: instances keep their databases on that MongoDB");
                }
                if (platform.kubernetesImage() == null) {
                    throw new ConfigurationError("LITEDESK_RUNTIME=kubernetes needs LITEDESK_K8S_IMAGE, the LiteDesk image instances run");
                }
                var client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().build(); // in-cluster or ~/.kube/config
                var mail = config.integrations();
                java.util.Map<String, String> instanceEnv = new java.util.HashMap<>();
                boolean instancesUseSes = mail.mail().equals("ses") && platform.kubernetesInstanceRoleArn() != null;
                if (instancesUseSes) { // with a role to send as, instances mail their own users through SES too
                    instanceEnv.put("LITEDESK_MAIL", "ses");
                    instanceEnv.put("LITEDESK_MAIL_FROM", mail.mailFrom());
                    instanceEnv.put("LITEDESK_AWS_REGION", mail.awsRegion());
                    if (mail.sesEndpoint() != null) {
                        instanceEnv.put("LITEDESK_SES_ENDPOINT", mail.sesEndpoint().toString());
                    }
                }
                instanceEnv.putAll(mail.smtpEnvironment()); // or through the control plane's SMTP server, its password in the Secret
                java.util.Map<String, String> instanceSecrets = mail.smtpPassword() == null ? java.util.Map.of()
                        : java.util.Map.of("LITEDESK_SMTP_PASSWORD", mail.smtpPassword());
                Integer mailPort = mail.smtp() == null ? null : mail.smtp().port();
                var settings = new com.litedesk.adapters.k8s.KubernetesSettings(platform.kubernetesImage(), platform.ingressClass(),
                        platform.clusterIssuer(), platform.wildcardTlsSecret(), platform.ingressNamespace(), 27017, instanceEnv,
                        platform.kubernetesInstanceRoleArn(), instancesUseSes, instanceSecrets, mailPort);
                var statefulSets = platform.kubernetesDatabase() == null ? null : new KubernetesDatabases(client, platform.kubernetesDatabase());
                DatabaseProvisioner databases = statefulSets == null ? storage.databases() : new SeparateDatabases(new DatabaseServers(
                        statefulSets::create, statefulSets::exists, statefulSets::drop, statefulSets::connectionString));
                yield new Runtimes(new com.litedesk.adapters.k8s.KubernetesInstanceRuntime(client, settings, Duration.ofMinutes(5)),
                        databases, null, client);
            }
            default -> throw new ConfigurationError("LITEDESK_RUNTIME must be in-process, docker or kubernetes, got '" + config.runtime() + "'");
        };
    }

    @Override
    public void close() {
        if (inProcess != null) {
            inProcess.close();
        }
        try {
            resources.close();
        } catch (Exception ignored) {
            // shutting down
        }
    }

    /**
     * Database servers of their own per instance (containers, StatefulSets) as the provisioner sees them.
     *
     * @param reachableAt where the control plane reaches an instance's server to back it up and restore it
     */
    private record DatabaseServers(Function<String, InstanceDatabase> create, Predicate<String> exists, Consumer<String> drop,
                                   UnaryOperator<String> reachableAt) {
    }

    /** A database server per instance, copied for backups by the MongoDB adapter through where it is reachable. */
    private record SeparateDatabases(DatabaseServers servers) implements DatabaseProvisioner {
        @Override
        public InstanceDatabase create(String instanceId) {
            return servers.create().apply(instanceId);
        }

        @Override
        public boolean exists(String instanceId) {
            return servers.exists().test(instanceId);
        }

        @Override
        public void drop(String instanceId) {
            servers.drop().accept(instanceId);
        }

        @Override
        public long dump(String instanceId, OutputStream out) {
            try (var mongo = new MongoDatabaseProvisioner(servers.reachableAt().apply(instanceId))) {
                return mongo.dump(instanceId, out);
            }
        }

        @Override
        public long restore(String instanceId, InputStream in) {
            try (var mongo = new MongoDatabaseProvisioner(servers.reachableAt().apply(instanceId))) {
                return mongo.restore(instanceId, in);
            }
        }
    }
}
