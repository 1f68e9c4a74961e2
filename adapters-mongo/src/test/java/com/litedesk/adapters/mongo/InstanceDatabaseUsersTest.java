package com.litedesk.adapters.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user per instance on a shared MongoDB: the provisioner's user commands go over the real driver and wire
 * protocol to a server that keeps users the way MongoDB's usersInfo/createUser/updateUser/dropUser do (the
 * embedded server itself has no users).
 */
class InstanceDatabaseUsersTest {

    /** The embedded backend plus MongoDB's user management commands. */
    static final class UsersBackend extends H2Backend {
        final Map<String, Document> users = new ConcurrentHashMap<>();
        final List<String> commands = new CopyOnWriteArrayList<>();

        UsersBackend() {
            super(MVStore.open(null));
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            switch (command) {
                case "usersInfo" -> {
                    commands.add(database + " usersInfo " + query.get("usersInfo"));
                    Document user = users.get(database + "." + query.get("usersInfo"));
                    return new Document("users", user == null ? List.of() : List.of(user)).append("ok", 1.0);
                }
                case "createUser", "updateUser" -> {
                    String name = (String) query.get(command);
                    commands.add(database + " " + command + " " + name);
                    boolean exists = users.containsKey(database + "." + name);
                    if (command.equals("createUser") && exists) {
                        throw new MongoServerError(51003, "User \"" + name + "@" + database + "\" already exists");
                    }
                    if (command.equals("updateUser") && !exists) {
                        throw new MongoServerError(11, "UserNotFound", "Could not find user \"" + name + "\" for db \"" + database + "\"");
                    }
                    users.put(database + "." + name, new Document("user", name).append("db", database)
                            .append("pwd", query.get("pwd")).append("roles", query.get("roles")));
                    return new Document("ok", 1.0);
                }
                case "dropUser" -> {
                    String name = (String) query.get("dropUser");
                    commands.add(database + " dropUser " + name);
                    if (users.remove(database + "." + name) == null) {
                        throw new MongoServerError(11, "UserNotFound", "User '" + name + "@" + database + "' not found");
                    }
                    return new Document("ok", 1.0);
                }
                default -> {
                    return super.handleCommand(channel, database, command, query);
                }
            }
        }
    }

    private UsersBackend backend;
    private MongoServer server;
    private MongoDatabaseProvisioner databases;
    private String uri;

    @BeforeEach
    void start() {
        backend = new UsersBackend();
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        uri = "mongodb://127.0.0.1:" + address.getPort() + "/?retryWrites=false";
        databases = new MongoDatabaseProvisioner(uri, "k".repeat(32).getBytes());
    }

    @AfterEach
    void stop() {
        databases.close();
        server.shutdownNow();
    }

    @Test
    void eachInstanceGetsItsOwnUserWithReadWriteOnItsDatabaseOnly() {
        var acme = databases.create("acme-1");
        var globex = databases.create("globex");

        var acmeUri = new ConnectionString(acme.uri());
        assertThat(acmeUri.getCredential().getUserName()).isEqualTo("litedesk_acme_1");
        assertThat(acmeUri.getCredential().getSource()).isEqualTo("litedesk_acme_1");
        assertThat(acmeUri.getDatabase()).isEqualTo("litedesk_acme_1");
        assertThat(acme.uri()).contains("retryWrites=false");
        assertThat(new String(acmeUri.getCredential().getPassword())).hasSizeGreaterThanOrEqualTo(40)
                .isNotEqualTo(new String(new ConnectionString(globex.uri()).getCredential().getPassword()));
        assertThat(backend.users.get("litedesk_acme_1.litedesk_acme_1").get("roles").toString())
                .contains("readWrite").contains("litedesk_acme_1").doesNotContain("globex");
    }

    @Test
    void creatingAgainKeepsTheSameCredentialsAndDroppingRemovesTheUser() {
        var first = databases.create("acme");
        var again = databases.create("acme");
        var afterRestart = new MongoDatabaseProvisioner(uri, "k".repeat(32).getBytes());
        var third = afterRestart.create("acme");
        afterRestart.close();

        assertThat(again).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(backend.commands).containsSubsequence("litedesk_acme createUser litedesk_acme", "litedesk_acme updateUser litedesk_acme");

        databases.drop("acme");
        databases.drop("acme");
        assertThat(backend.users).isEmpty();
        assertThat(databases.exists("acme")).isFalse();
    }

    @Test
    void theInstancesConnectionStringCarriesItsUserInsteadOfTheControlPlanesKeepingTheOtherOptions() {
        assertThat(MongoDatabaseProvisioner.withUser(
                "mongodb+srv://platform:s3cret@cluster0.abcde.mongodb.net/admin?retryWrites=true&authSource=admin&w=majority",
                "litedesk_acme", "p@ss/word", "litedesk_acme"))
                .isEqualTo("mongodb+srv://litedesk_acme:p%40ss%2Fword@cluster0.abcde.mongodb.net/litedesk_acme"
                        + "?retryWrites=true&w=majority&authSource=litedesk_acme");
        assertThat(MongoDatabaseProvisioner.withUser("mongodb://db-0.db:27017,db-1.db:27017", "u", "p", "litedesk_x"))
                .isEqualTo("mongodb://u:p@db-0.db:27017,db-1.db:27017/litedesk_x?authSource=litedesk_x");
    }

    @Test
    void withoutAUserKeyInstancesShareTheConnectionString() {
        try (var shared = new MongoDatabaseProvisioner(uri)) {
            assertThat(shared.create("acme").uri()).isEqualTo(uri);
        }
        assertThat(backend.users).isEmpty();
    }
}
