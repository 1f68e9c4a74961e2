package com.litedesk.adapters.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one-file tar archives the engine copies files in and out of containers with (POSIX ustar, no extensions). */
final class OneFileTar {

    private static final int BLOCK = 512;

    private OneFileTar() {
    }

    /** Writes {@code file} as the only entry {@code name} (mode 0644) of a tar archive at {@code archive}. */
    static void write(Path file, String name, Path archive) throws IOException {
        long size = Files.size(file);
        byte[] header = new byte[BLOCK];
        put(header, 0, name, 100);
        put(header, 100, "0000644", 8);
        put(header, 108, "0177777", 8); // uid and gid 65534: the image's unprivileged user
        put(header, 116, "0177777", 8);
        put(header, 124, String.format("%011o", size), 12);
        put(header, 136, String.format("%011o", 0L), 12);
        header[156] = '0';
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, String.format("%06o", checksum), 7);
        try (OutputStream out = Files.newOutputStream(archive); InputStream in = Files.newInputStream(file)) {
            out.write(header);
            in.transferTo(out);
            int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
            out.write(new byte[pad + 2 * BLOCK]);
        }
    }

    /** Copies the first file of a tar archive to {@code out}; returns its size. */
    static long extract(InputStream tar, OutputStream out) throws IOException {
        byte[] header = tar.readNBytes(BLOCK);
        if (header.length < BLOCK) {
            throw new IOException("not a tar archive");
        }
        String octal = new String(header, 124, 12, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
        long size = Long.parseLong(octal, 8);
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        while (copied < size) {
            int n = tar.read(buffer, 0, (int) Math.min(buffer.length, size - copied));
            if (n < 0) {
                throw new IOException("the archive ends inside its file");
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        return size;
    }

    private static void put(byte[] header, int offset, String value, int length) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }
}
