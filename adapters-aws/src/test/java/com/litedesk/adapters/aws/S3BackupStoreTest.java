package com.litedesk.adapters.aws;

import com.litedesk.ports.ErrorCode;
import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.contract.BackupStoreContract;
import com.litedesk.ports.platform.BackupStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against S3Proxy in this process: the real SDK, real HTTP, real signatures, a real multipart protocol. */
class S3BackupStoreTest extends BackupStoreContract {

    private static S3StandIn s3;
    private static final List<Map<String, List<String>>> sentHeaders = new CopyOnWriteArrayList<>();
    private static S3BackupStore store;

    @BeforeAll
    static void start() throws Exception {
        TestCredentials.install();
        s3 = new S3StandIn("litedesk-backups");
        store = new S3BackupStore(recordingClient(s3.endpoint()),
                new S3Settings("eu-west-1", "litedesk-backups", "backups/", null, S3BackupStore.MIN_PART_SIZE));
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        s3.close();
    }

    /** A client like {@link S3BackupStore#create}'s that also records every request's headers. */
    private static S3Client recordingClient(URI endpoint) {
        return S3Client.builder().region(Region.EU_WEST_1).endpointOverride(endpoint).forcePathStyle(true)
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        var request = context.httpRequest();
                        var headers = new java.util.TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
                        headers.putAll(request.headers());
                        headers.put(":request", List.of(request.method() + " " + request.encodedPath()
                                + request.encodedQueryParameters().map(q -> "?" + q).orElse("")));
                        sentHeaders.add(headers);
                    }
                })).build();
    }

    @Override
    protected BackupStore store() {
        return store;
    }

    @Override
    protected int largeSize() {
        return 2 * S3BackupStore.MIN_PART_SIZE + 17; // three parts
    }

    @Test
    void objectsAreEncryptedAndKeptUnderThePrefixOneFolderPerInstance() throws IOException {
        sentHeaders.clear();
        store.put("inst-s/20261125T100000000Z.jsonl.gz", new ByteArrayInputStream(new byte[] {1, 2, 3}));

        var put = sentHeaders.stream().filter(h -> h.get(":request").getFirst().startsWith("PUT")).findFirst().orElseThrow();
        assertThat(put.get(":request").getFirst()).isEqualTo("PUT /litedesk-backups/backups/inst-s/20261125T100000000Z.jsonl.gz");
        assertThat(put.get("x-amz-server-side-encryption")).containsExactly("AES256");
        assertThat(put.get("Authorization").getFirst()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-west-1/s3/");
        assertThat(s3.blobs().blobExists("litedesk-backups", "backups/inst-s/20261125T100000000Z.jsonl.gz")).isTrue();
        assertThat(store.list("inst-s/")).containsExactly("inst-s/20261125T100000000Z.jsonl.gz");
    }

    @Test
    void aLargeBackupIsAnEncryptedMultipartUpload() throws IOException {
        sentHeaders.clear();
        byte[] data = new byte[S3BackupStore.MIN_PART_SIZE + 1000];
        new java.util.Random(7).nextBytes(data);

        assertThat(store.put("inst-m/1.jsonl.gz", new ByteArrayInputStream(data))).isEqualTo(data.length);

        var requests = sentHeaders.stream().map(h -> h.get(":request").getFirst().replaceAll("uploadId=[^&]+", "uploadId=…")).toList();
        assertThat(requests).containsExactly("POST /litedesk-backups/backups/inst-m/1.jsonl.gz?uploads",
                "PUT /litedesk-backups/backups/inst-m/1.jsonl.gz?partNumber=1&uploadId=…",
                "PUT /litedesk-backups/backups/inst-m/1.jsonl.gz?partNumber=2&uploadId=…",
                "POST /litedesk-backups/backups/inst-m/1.jsonl.gz?uploadId=…");
        assertThat(sentHeaders.getFirst().get("x-amz-server-side-encryption")).containsExactly("AES256");
        try (InputStream in = store.open("inst-m/1.jsonl.gz")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void aBackupThatFailsHalfWayLeavesNoObjectAndNoUpload() {
        InputStream failing = new InputStream() {
            private int left = S3BackupStore.MIN_PART_SIZE + 10;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("the database went away");
                }
                return 42;
            }
        };

        assertThatThrownBy(() -> store.put("inst-f/1.jsonl.gz", failing)).hasMessageContaining("the database went away");
        assertThat(store.list("inst-f/")).isEmpty();
        assertThat(s3.blobs().list("litedesk-backups")).noneMatch(b -> b.getName().contains("inst-f"));
    }

    @Test
    void kmsKeysAreAskedForWhenConfigured() {
        sentHeaders.clear();
        var kms = new S3BackupStore(recordingClient(s3.endpoint()), new S3Settings("eu-west-1", "litedesk-backups", "backups/",
                "arn:aws:kms:eu-west-1:111122223333:key/1234abcd", S3BackupStore.MIN_PART_SIZE));
        try {
            kms.put("inst-k/1.jsonl.gz", new ByteArrayInputStream(new byte[] {1}));
        } catch (LiteDeskException ignored) {
            // S3Proxy may refuse KMS; what matters is what was asked
        }
        var put = sentHeaders.getFirst();
        assertThat(put.get("x-amz-server-side-encryption")).containsExactly("aws:kms");
        assertThat(put.get("x-amz-server-side-encryption-aws-kms-key-id")).containsExactly("arn:aws:kms:eu-west-1:111122223333:key/1234abcd");
        kms.close();
    }

    @Test
    void aMissingBucketIsUnavailableWithS3sWords() {
        try (var wrong = S3BackupStore.create(S3Settings.of("eu-west-1", "no-such-bucket", ""), s3.endpoint())) {
            assertThatThrownBy(() -> wrong.put("i/1", new ByteArrayInputStream(new byte[] {1})))
                    .isInstanceOfSatisfying(LiteDeskException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("NoSuchBucket");
                    });
        }
    }
}
