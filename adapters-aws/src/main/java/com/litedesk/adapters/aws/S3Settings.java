package com.litedesk.adapters.aws;

import java.util.Objects;

/**
 * Where backups go in S3.
 *
 * @param region the bucket's region
 * @param bucket the bucket
 * @param prefix put before every key ({@code backups/}); empty for none
 * @param kmsKeyId a KMS key for SSE-KMS, or null for SSE-S3 (AES-256)
 * @param partSize multipart upload part size, at least S3's 5 MiB
 */
public record S3Settings(String region, String bucket, String prefix, String kmsKeyId, int partSize) {
    public S3Settings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        prefix = prefix == null ? "" : prefix;
        if (partSize < S3BackupStore.MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be at least 5 MiB");
        }
    }

    /** SSE-S3, 8 MiB parts. */
    public static S3Settings of(String region, String bucket, String prefix) {
        return new S3Settings(region, bucket, prefix, null, 8 * 1024 * 1024);
    }
}
