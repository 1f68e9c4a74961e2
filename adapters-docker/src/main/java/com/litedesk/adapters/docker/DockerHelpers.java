package com.litedesk.adapters.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.litedesk.ports.LiteDeskException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Short-lived containers of the LiteDesk image that work on an instance's volume: {@code backup <file> <out>} and
 * {@code restore <file> <in>}. The backup file goes in and out of the helper as a one-file tar archive, the engine's
 * way of copying files; the helper has no network and runs as the image's unprivileged user.
 */
final class DockerHelpers {

    private static final String EXCHANGE = "/tmp/litedesk-backup.jsonl.gz";

    private final DockerEngine engine;
    private final DockerSettings settings;

    DockerHelpers(DockerEngine engine, DockerSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    long backup(String instanceId, String volume, String databaseFile, OutputStream out) {
        String helper = create(instanceId, volume, "backup", databaseFile);
        try {
            run(helper, "the backup of " + instanceId);
            try (InputStream tar = engine.call("copy the backup of " + instanceId,
                    () -> engine.client().copyArchiveFromContainerCmd(helper, EXCHANGE).exec())) {
                return OneFileTar.extract(tar, out);
            }
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the backup of " + instanceId + " could not be copied: " + e.getMessage(), e);
        } finally {
            remove(helper);
        }
    }

    long restore(String instanceId, String volume, String databaseFile, InputStream in) {
        String helper = create(instanceId, volume, "restore", databaseFile);
        Path staged = null;
        try {
            staged = Files.createTempFile("litedesk-restore", ".jsonl.gz");
            Files.copy(in, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path archive = Files.createTempFile("litedesk-restore", ".tar");
            try {
                OneFileTar.write(staged, Path.of(EXCHANGE).getFileName().toString(), archive);
                try (InputStream tar = Files.newInputStream(archive)) {
                    engine.call("copy the backup into the helper of " + instanceId, () -> {
                        engine.client().copyArchiveToContainerCmd(helper).withTarInputStream(tar).withRemotePath("/tmp").exec();
                        return null;
                    });
                }
            } finally {
                Files.deleteIfExists(archive);
            }
            return run(helper, "the restore of " + instanceId);
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the backup for " + instanceId + " could not be staged: " + e.getMessage(), e);
        } finally {
            remove(helper);
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    private String create(String instanceId, String volume, String role, String databaseFile) {
        String name = "litedesk-" + instanceId + "-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
        return engine.call("create " + name, () -> engine.client().createContainerCmd(settings.appImage())
                .withName(name)
                .withLabels(DockerEngine.labelsOf(instanceId))
                .withCmd(role, databaseFile, EXCHANGE)
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("none")
                        .withBinds(new Bind(volume, new Volume(DockerDatabaseProvisioner.DATA_DIR)))
                        .withMemory(512L * 1024 * 1024))
                .exec().getId());
    }

    /** Starts the helper and waits for it; returns the count it printed, or fails with what it wrote to stderr. */
    private long run(String helper, String what) {
        engine.call("start " + what, () -> {
            engine.client().startContainerCmd(helper).exec();
            return null;
        });
        int exit = engine.call("wait for " + what, () -> engine.client().waitContainerCmd(helper)
                .exec(new WaitContainerResultCallback()).awaitStatusCode(30, TimeUnit.MINUTES));
        String output = logs(helper).strip();
        if (exit != 0) {
            throw LiteDeskException.unavailable(what + " failed (exit " + exit + "): " + output, null);
        }
        String last = output.isEmpty() ? "" : output.substring(output.lastIndexOf('\n') + 1);
        try {
            return Long.parseLong(last.replaceAll("[^0-9]", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String logs(String helper) {
        var text = new ByteArrayOutputStream();
        try {
            engine.client().logContainerCmd(helper).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    text.writeBytes(frame.getPayload());
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "";
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    private void remove(String helper) {
        try {
            engine.client().removeContainerCmd(helper).withForce(true).exec();
        } catch (RuntimeException ignored) {
            // removed already, or the engine is gone: the label lets reconciliation find it
        }
    }
}
