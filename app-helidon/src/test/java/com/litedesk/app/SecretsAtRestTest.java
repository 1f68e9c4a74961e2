package com.litedesk.app;

import com.litedesk.core.secrets.MasterKey;
import com.litedesk.core.secrets.SealedSecrets;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secrets at rest (instance signing and management keys, the platform's signing keys) are sealed under a master key
 * kept outside every database; rotating an instance's signing key breaks no session; no port of the process serves
 * data without credentials.
 */
class SecretsAtRestTest {

    @TempDir
    Path data;

    /** Every secret as stored: (name, stored value) of the secrets table of a SQLite file. */
    private static List<String[]> storedSecrets(Path db) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             var rs = c.createStatement().executeQuery("SELECT id, doc FROM secrets")) {
            while (rs.next()) {
                String doc = rs.getString(2);
                rows.add(new String[] {rs.getString(1), new com.fasterxml.jackson.databind.ObjectMapper().readTree(doc).get("value").asText()});
            }
        }
        return rows;
    }

    private static byte[] allBytesOf(Path db) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        for (String suffix : List.of("", "-wal")) {
            Path file = Path.of(db + suffix);
            if (Files.exists(file)) {
                out.write(Files.readAllBytes(file));
            }
        }
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    @Test
    void everySecretIsSealedOnDiskUnderAKeyThatIsInNoDatabase() throws Exception {
        Path instanceDb;
        try (PlatformServer server = PlatformServer.start(data, Map.of())) {
            String admin = server.adminToken();
            String id = server.provision(admin, "acme", "olivia@acme.test");
            instanceDb = data.resolve("instances").resolve(id).resolve("litedesk.db");
            assertThat(server.send("acme.localhost", "GET", "/health", null, null, Map.of()).status()).isEqualTo(200);
        }
        Path masterKey = data.resolve("master.key");
        assertThat(masterKey).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(masterKey))).isEqualTo("rw-------");
        String keyText = Files.readString(masterKey).strip();
        MasterKey kek = new MasterKey(Base64.getDecoder().decode(keyText));

        Set<String> names = new HashSet<>();
        for (Path db : List.of(data.resolve("platform.db"), instanceDb)) {
            byte[] raw = allBytesOf(db);
            assertThat(contains(raw, keyText)).as("the master key in " + db).isFalse();
            for (String[] secret : storedSecrets(db)) {
                names.add(secret[0]);
                assertThat(SealedSecrets.isSealed(secret[1])).as(secret[0] + " in " + db).isTrue();
                // open it the way the server does, then look for the plain value anywhere in the file
                var scratch = com.litedesk.core.memory.InMemoryInstanceRepositories.create().secrets();
                scratch.insert(new com.litedesk.ports.instance.Secret(secret[0], 1, secret[1]));
                String value = new SealedSecrets(scratch, kek).findById(secret[0]).orElseThrow().value();
                for (String part : value.split("[\\s]+")) {
                    if (part.length() >= 16) {
                        assertThat(contains(raw, part)).as("plain text of " + secret[0] + " in " + db).isFalse();
                    }
                }
            }
        }
        assertThat(names).contains("jwt-signing-key").anyMatch(n -> n.endsWith("/signing-key")).anyMatch(n -> n.endsWith("/management-key"));
    }

    @Test
    void anotherMasterKeyDoesNotOpenThemAndStartingSaysWhichKeyIsNeeded() throws Exception {
        try (PlatformServer server = PlatformServer.start(data, Map.of())) {
            server.adminToken();
        }
        byte[] other = new byte[32];
        other[0] = 7;
        assertThatThrownBy(() -> PlatformServer.start(data, Map.of("LITEDESK_MASTER_KEY", Base64.getEncoder().encodeToString(other))))
                .hasStackTraceContaining("sealed with the key-encryption key local:");
    }

    @Test
    void anInstanceDatabaseOpenedUnderAnotherMasterKeyStartsWithNewSigningKeysItsUsersLogInAgain() {
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        second[0] = 1;
        String token;
        String configured = Base64.getEncoder().encodeToString(new byte[32]); // as the control plane gives its instances
        try (TestServer server = TestServer.onDisk(data, Map.of("LITEDESK_MASTER_KEY", Base64.getEncoder().encodeToString(first),
                "LITEDESK_SIGNING_KEY", configured))) {
            token = server.ownerToken();
        }
        try (TestServer restored = TestServer.onDisk(data, Map.of("LITEDESK_MASTER_KEY", Base64.getEncoder().encodeToString(second),
                "LITEDESK_SIGNING_KEY", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                        17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})))) {
            assertThat(restored.get("/api/contacts", token).status()).as("a token of the old keys").isEqualTo(401);
            assertThat(restored.get("/api/contacts", restored.ownerToken()).status()).isEqualTo(200);
        }
    }

    @Test
    void rotatingAnInstancesSigningKeyKeepsEverySessionWorking() throws Exception {
        try (PlatformServer server = PlatformServer.start(data, Map.of())) {
            String admin = server.adminToken();
            String id = server.provision(admin, "acme", "olivia@acme.test");
            String token = server.mailedToken(admin, "olivia@acme.test");
            assertThat(server.send("acme.localhost", "POST", "/api/auth/set-password", null,
                    Map.of("token", token, "password", PlatformServer.PASSWORD), Map.of()).status()).isEqualTo(200);
            String before = server.login("acme.localhost", "/api", "olivia@acme.test", PlatformServer.PASSWORD);

            var rotated = server.admin("POST", "/api/admin/instances/" + id + "/signing-keys/rotate", admin, null);

            assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(200);
            String kid = rotated.json().get("kid").asText();
            assertThat(kid).isNotEqualTo(SignedJWT.parse(before).getHeader().getKeyID());
            assertThat(rotated.raw().body()).doesNotContain("secret");
            assertThat(server.send("acme.localhost", "GET", "/api/contacts", before, null, Map.of()).status()).isEqualTo(200);
            String after = server.login("acme.localhost", "/api", "olivia@acme.test", PlatformServer.PASSWORD);
            assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(kid);
            assertThat(server.send("acme.localhost", "GET", "/api/contacts", after, null, Map.of()).status()).isEqualTo(200);

            String owner = after;
            assertThat(server.send("localhost", "POST", "/api/admin/instances/" + id + "/signing-keys/rotate", owner, null, Map.of())
                    .status()).as("an instance token at the control plane").isEqualTo(401);
        }
    }

    @Test
    void rotatingThePlatformsSigningKeyKeepsTheConsoleSignedIn() throws Exception {
        try (PlatformServer server = PlatformServer.start(data, Map.of())) {
            String before = server.adminToken();

            var rotated = server.admin("POST", "/api/admin/signing-keys/rotate", before, null);

            assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(200);
            String kid = rotated.json().get("kid").asText();
            assertThat(kid).isNotEqualTo(SignedJWT.parse(before).getHeader().getKeyID());
            assertThat(server.admin("GET", "/api/admin/instances", before, null).status()).isEqualTo(200);
            String after = server.adminToken();
            assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(kid);
            assertThat(server.admin("GET", "/api/admin/instances", after, null).status()).isEqualTo(200);
        }
    }

    /** The TCP ports this JVM listens on (from /proc: sockets in LISTEN whose inode is one of our descriptors). */
    private static Set<Integer> listeningPorts() throws Exception {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (Exception ignored) {
                    // closed meanwhile
                }
            });
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.strip().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static String rawGet(int port, String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(200), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void noPortOfTheProcessServesDataWithoutCredentials() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/fd")), "needs /proc");
        Set<Integer> before = listeningPorts();
        try (PlatformServer server = PlatformServer.start(data, Map.of())) {
            String admin = server.adminToken();
            server.provision(admin, "acme", "olivia@acme.test");
            Set<Integer> ports = listeningPorts();
            ports.removeAll(before);
            assertThat(ports).as("the control plane's port and its instance's").hasSizeGreaterThanOrEqualTo(2);
            for (int port : ports) {
                for (String path : List.of("/api/contacts", "/api/users", "/api/admin/instances", "/api/admin/outbox",
                        "/internal/usage", "/api/audit", "/api/settings")) {
                    String answer = rawGet(port, path);
                    assertThat(answer).as("port " + port + " is HTTP").startsWith("HTTP/1.1 ");
                    int status = Integer.parseInt(answer.substring(9, 12));
                    assertThat(status).as("GET " + path + " without credentials on port " + port).isIn(401, 404);
                }
            }
        }
    }
}
