package com.litedesk.app.platform;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.DnsRegistrar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * DNS for a single machine: browsers resolve {@code *.localhost} to loopback by themselves, so registering a
 * host only records it — in a JSON file under the data directory, replaced atomically on every change, so that
 * operators (and tests) can see which names exist.
 */
public final class LocalDnsRegistrar implements DnsRegistrar {

    private final Path file;
    private final ObjectMapper json;

    public LocalDnsRegistrar(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    @Override
    public synchronized void register(String host, String target) {
        Map<String, String> records = read();
        if (!target.equals(records.put(host, target))) {
            write(records);
        }
    }

    @Override
    public synchronized void unregister(String host) {
        Map<String, String> records = read();
        if (records.remove(host) != null) {
            write(records);
        }
    }

    @Override
    public synchronized Optional<String> lookup(String host) {
        return Optional.ofNullable(read().get(host));
    }

    /** Every registered host and its target. */
    public synchronized Map<String, String> records() {
        return read();
    }

    private Map<String, String> read() {
        try {
            return Files.exists(file) ? json.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {}) : new TreeMap<>();
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the DNS records in " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void write(Map<String, String> records) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "dns", ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), records);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw LiteDeskException.unavailable("the DNS records in " + file + " cannot be written: " + e.getMessage(), e);
        }
    }
}
