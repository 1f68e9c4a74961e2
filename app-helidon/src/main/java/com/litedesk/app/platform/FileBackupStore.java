package com.litedesk.app.platform;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.BackupStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Backups as files under a directory; a file appears under its key only once it is complete. */
public final class FileBackupStore implements BackupStore {

    private final Path root;

    public FileBackupStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public long put(String key, InputStream data) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".partial", ".tmp");
            long size = Files.copy(data, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the backup " + key + " cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(resolve(key));
        } catch (NoSuchFileException e) {
            throw LiteDeskException.notFound("Backup file", key);
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the backup " + key + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the backup " + key + " cannot be deleted: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> !k.contains(".partial") && k.startsWith(prefix))
                    .sorted().toList();
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the backups cannot be listed: " + e.getMessage(), e);
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || key.isBlank()) {
            throw LiteDeskException.invalid("key", "must be a relative path inside the backup directory");
        }
        return path;
    }
}
