package com.litedesk.ports.platform;

/**
 * Where an instance's data lives: a MongoDB connection string and the database name in it. The URI may carry
 * credentials of a user that can reach this database only.
 */
public record InstanceDatabase(String uri, String name) {
    @Override
    public String toString() {
        return "InstanceDatabase[" + name + "]"; // never print credentials
    }
}
