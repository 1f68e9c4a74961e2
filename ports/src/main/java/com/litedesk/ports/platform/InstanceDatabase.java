package com.litedesk.ports.platform;

/**
 * Where an instance's data lives: a MongoDB connection string and the database name in it. The URI may carry
 * credentials of a user that can reach this database only.
 */
public record InstanceDatabase(String uri, String name) {

    /**
     * The name of an instance's database wherever it has one (a MongoDB database, the SQLite file's name in a backup,
     * its user): {@code litedesk_<id>}, with the id's hyphens as underscores. Every adapter names it so, from here.
     */
    public static String nameOf(String instanceId) {
        return "litedesk_" + instanceId.replace('-', '_');
    }

    @Override
    public String toString() {
        return "InstanceDatabase[" + name + "]"; // never print credentials
    }
}
