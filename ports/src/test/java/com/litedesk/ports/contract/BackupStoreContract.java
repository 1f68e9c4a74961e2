package com.litedesk.ports.contract;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.BackupStore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link BackupStore}: what is put comes back byte for byte, writing a key again replaces it,
 * listing is by prefix in key order, deleting is idempotent, a missing key is NOT_FOUND. Every store (a local
 * directory, S3) runs it.
 */
public abstract class BackupStoreContract {

    protected abstract BackupStore store();

    /** Large enough to need more than one upload part where a store has parts. */
    protected int largeSize() {
        return 3 * 1024 * 1024 + 17;
    }

    @Test
    void whatIsPutComesBackByteForByte() throws IOException {
        byte[] data = random(largeSize(), 1);
        long size = store().put("inst-a/20261125T100000000Z.jsonl.gz", new ByteArrayInputStream(data));

        assertThat(size).isEqualTo(data.length);
        try (InputStream in = store().open("inst-a/20261125T100000000Z.jsonl.gz")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void anEmptyBackupIsKept() throws IOException {
        assertThat(store().put("inst-e/20261125T100000000Z.jsonl.gz", new ByteArrayInputStream(new byte[0]))).isZero();
        try (InputStream in = store().open("inst-e/20261125T100000000Z.jsonl.gz")) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void writingAKeyAgainReplacesIt() throws IOException {
        store().put("inst-b/1.jsonl.gz", new ByteArrayInputStream(random(100, 2)));
        byte[] second = random(50, 3);
        store().put("inst-b/1.jsonl.gz", new ByteArrayInputStream(second));

        try (InputStream in = store().open("inst-b/1.jsonl.gz")) {
            assertThat(in.readAllBytes()).isEqualTo(second);
        }
        assertThat(store().list("inst-b/")).containsExactly("inst-b/1.jsonl.gz");
    }

    @Test
    void listingIsByPrefixInKeyOrder() {
        for (String key : new String[] {"inst-c/20261125T100000000Z.jsonl.gz", "inst-c/20261124T100000000Z.jsonl.gz",
                "inst-cd/20261125T100000000Z.jsonl.gz", "other/20261125T100000000Z.jsonl.gz"}) {
            store().put(key, new ByteArrayInputStream(new byte[] {1}));
        }

        assertThat(store().list("inst-c/")).containsExactly("inst-c/20261124T100000000Z.jsonl.gz", "inst-c/20261125T100000000Z.jsonl.gz");
        assertThat(store().list("nobody/")).isEmpty();
    }

    @Test
    void deletingRemovesTheKeyAndDeletingAgainDoesNothing() {
        store().put("inst-d/1.jsonl.gz", new ByteArrayInputStream(new byte[] {1, 2}));
        store().delete("inst-d/1.jsonl.gz");
        store().delete("inst-d/1.jsonl.gz");

        assertThat(store().list("inst-d/")).isEmpty();
        assertThatThrownBy(() -> store().open("inst-d/1.jsonl.gz")).isInstanceOfSatisfying(LiteDeskException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
