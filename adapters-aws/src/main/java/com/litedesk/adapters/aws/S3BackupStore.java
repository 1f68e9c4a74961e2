package com.litedesk.adapters.aws;

import com.litedesk.ports.LiteDeskException;
import com.litedesk.ports.platform.BackupStore;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link BackupStore} on an Amazon S3 bucket. Every object is written with server-side encryption (SSE-S3, or
 * SSE-KMS with the configured key) under {@code <prefix><key>}, where core's keys are
 * {@code <instance id>/<time>.jsonl.gz}: one folder per instance, one object per backup. A backup is streamed:
 * small ones in one PutObject, larger ones as a multipart upload of {@code partSize} parts that is aborted when
 * anything fails, so an object appears under its key only once it is complete. Retention is the control plane's
 * (it deletes old backups through this store); a bucket lifecycle rule can back it up. Credentials come only
 * from the SDK's default provider chain. Thread-safe; close it when done.
 */
public final class S3BackupStore implements BackupStore, AutoCloseable {

    /** S3's smallest part (but the last). */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private final S3Client client;
    private final S3Settings settings;

    S3BackupStore(S3Client client, S3Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * A store on {@code settings}' bucket.
     *
     * @param endpoint another endpoint than S3's for the region (a VPC endpoint, an S3-compatible store), or null;
     *                 path-style addressing, and checksums only where S3 requires them, are used with it
     */
    public static S3BackupStore create(S3Settings settings, URI endpoint) {
        var builder = AwsClients.configure(S3Client.builder(), Region.of(settings.region()), endpoint, Duration.ofSeconds(60));
        if (endpoint != null) {
            builder.forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return new S3BackupStore(builder.build(), settings);
    }

    @Override
    public long put(String key, InputStream data) {
        String object = objectKey(key);
        try {
            byte[] first = data.readNBytes(settings.partSize());
            if (first.length < settings.partSize()) {
                client.putObject(b -> {
                    b.bucket(settings.bucket()).key(object).contentType("application/gzip").serverSideEncryption(encryption());
                    if (settings.kmsKeyId() != null) {
                        b.ssekmsKeyId(settings.kmsKeyId());
                    }
                }, RequestBody.fromBytes(first));
                return first.length;
            }
            return multipart(object, first, data);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup " + key + " could not be read: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw LiteDeskException.unavailable("S3 did not store " + object + " in " + settings.bucket() + ": " + describe(e), e);
        }
    }

    private long multipart(String object, byte[] first, InputStream data) throws IOException {
        String uploadId = client.createMultipartUpload(b -> {
            b.bucket(settings.bucket()).key(object).contentType("application/gzip").serverSideEncryption(encryption());
            if (settings.kmsKeyId() != null) {
                b.ssekmsKeyId(settings.kmsKeyId());
            }
        }).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            byte[] part = first;
            while (part.length > 0) {
                int number = parts.size() + 1;
                byte[] body = part;
                String etag = client.uploadPart(b -> b.bucket(settings.bucket()).key(object).uploadId(uploadId).partNumber(number),
                        RequestBody.fromBytes(body)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                size += part.length;
                part = data.readNBytes(settings.partSize());
            }
            client.completeMultipartUpload(b -> b.bucket(settings.bucket()).key(object).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(parts)));
            return size;
        } catch (IOException | RuntimeException e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(object).uploadId(uploadId));
            } catch (SdkException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key) {
        String object = objectKey(key);
        try {
            return client.getObject(b -> b.bucket(settings.bucket()).key(object));
        } catch (NoSuchKeyException e) {
            throw LiteDeskException.notFound("Backup file", key);
        } catch (SdkException e) {
            throw LiteDeskException.unavailable("S3 did not return " + object + " from " + settings.bucket() + ": " + describe(e), e);
        }
    }

    @Override
    public void delete(String key) {
        String object = objectKey(key);
        try {
            client.deleteObject(b -> b.bucket(settings.bucket()).key(object));
        } catch (SdkException e) {
            throw LiteDeskException.unavailable("S3 did not delete " + object + " from " + settings.bucket() + ": " + describe(e), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        try {
            return client.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(objectKey(prefix))).contents().stream()
                    .map(S3Object::key)
                    .map(k -> k.substring(settings.prefix().length()))
                    .sorted()
                    .toList();
        } catch (SdkException e) {
            throw LiteDeskException.unavailable("S3 did not list " + settings.bucket() + "/" + objectKey(prefix) + ": " + describe(e), e);
        }
    }

    private ServerSideEncryption encryption() {
        return settings.kmsKeyId() == null ? ServerSideEncryption.AES256 : ServerSideEncryption.AWS_KMS;
    }

    private String objectKey(String key) {
        if (key.startsWith("/") || key.contains("..")) {
            throw LiteDeskException.invalid("key", "must be a relative key without '..'");
        }
        return settings.prefix() + key;
    }

    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        client.close();
    }
}
