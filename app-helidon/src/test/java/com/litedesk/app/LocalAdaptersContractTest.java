package com.litedesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.litedesk.app.platform.FileBackupStore;
import com.litedesk.app.platform.LocalDnsRegistrar;
import com.litedesk.ports.contract.BackupStoreContract;
import com.litedesk.ports.contract.DnsRegistrarContract;
import com.litedesk.ports.platform.BackupStore;
import com.litedesk.ports.platform.DnsRegistrar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The local DNS file and backup directory keep the same contracts as Route 53 and S3. */
class LocalAdaptersContractTest {

    @Nested
    class Dns extends DnsRegistrarContract {
        @TempDir
        Path dir;
        private DnsRegistrar registrar;

        @Override
        protected DnsRegistrar registrar() {
            if (registrar == null) {
                registrar = new LocalDnsRegistrar(dir.resolve("dns-records.json"), new ObjectMapper());
            }
            return registrar;
        }

        @Override
        protected String host(String subdomain) {
            return subdomain + ".localhost";
        }

        @Override
        protected String target() {
            return "127.0.0.1";
        }

        @Override
        protected String otherTarget() {
            return "127.0.0.2";
        }
    }

    @Nested
    class Backups extends BackupStoreContract {
        @TempDir
        Path dir;
        private BackupStore store;

        @Override
        protected BackupStore store() {
            if (store == null) {
                store = new FileBackupStore(dir.resolve("backups"));
            }
            return store;
        }
    }
}
