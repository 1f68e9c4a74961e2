package com.litedesk.app.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The data directory: created when missing, and refused when it holds data in a format this version does not read. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** Creates {@code dir} if needed; stops start-up with one line when it holds files of the old embedded database. */
    public static Path prepare(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigurationError("LITEDESK_DATA_DIR " + dir + " cannot be created: " + e.getMessage());
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "litedesk*.mv")) {
            for (Path file : old) {
                throw new ConfigurationError("LITEDESK_DATA_DIR " + dir.toAbsolutePath() + " holds " + file.getFileName()
                        + ", a database in the embedded format of earlier builds, which this version does not read (it keeps its data in"
                        + " SQLite files); start with an empty LITEDESK_DATA_DIR");
            }
        } catch (IOException e) {
            throw new ConfigurationError("LITEDESK_DATA_DIR " + dir + " cannot be read: " + e.getMessage());
        }
        return dir;
    }
}
