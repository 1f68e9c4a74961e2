package com.litedesk.adapters.aws;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for AWS KMS's Encrypt and Decrypt (the JSON protocol, {@code X-Amz-Target: TrentService.*}) with
 * one symmetric key. Like KMS it refuses unsigned requests, another key id, and a Decrypt whose encryption context
 * differs from the Encrypt's (the context is authenticated data of the ciphertext).
 */
public final class KmsStandIn implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String target, String authorization, String body) {}

    private final HttpServer server;
    private final String keyId;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public KmsStandIn(String keyId) throws IOException {
        this.keyId = keyId;
        byte[] material = new byte[32];
        random.nextBytes(material);
        this.key = new SecretKeySpec(material, "AES");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                requests.add(new Request(target, auth, body));
                int status = 200;
                String answer;
                try {
                    if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=" + TestCredentials.ACCESS_KEY + "/")) {
                        throw new Refused(400, "UnrecognizedClientException", "The security token included in the request is invalid.");
                    }
                    JsonObject in = JsonParser.parseString(body).getAsJsonObject();
                    if (!in.has("KeyId") || !in.get("KeyId").getAsString().equals(keyId)) {
                        throw new Refused(400, "NotFoundException", "Key is not found.");
                    }
                    String context = in.has("EncryptionContext") ? in.get("EncryptionContext").toString() : "{}";
                    JsonObject out = new JsonObject();
                    out.addProperty("KeyId", "arn:aws:kms:eu-west-1:111122223333:key/" + keyId);
                    if ("TrentService.Encrypt".equals(target)) {
                        byte[] plain = Base64.getDecoder().decode(in.get("Plaintext").getAsString());
                        out.addProperty("CiphertextBlob", Base64.getEncoder().encodeToString(seal(plain, context)));
                    } else if ("TrentService.Decrypt".equals(target)) {
                        byte[] blob = Base64.getDecoder().decode(in.get("CiphertextBlob").getAsString());
                        out.addProperty("Plaintext", Base64.getEncoder().encodeToString(open(blob, context)));
                    } else {
                        throw new Refused(400, "UnknownOperationException", "not served by the stand-in: " + target);
                    }
                    answer = out.toString();
                } catch (Refused r) {
                    status = r.status;
                    exchange.getResponseHeaders().add("x-amzn-ErrorType", r.type);
                    answer = "{\"__type\":\"" + r.type + "\",\"message\":\"" + r.getMessage() + "\"}";
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    private static final class Refused extends RuntimeException {
        final int status;
        final String type;

        Refused(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    private byte[] seal(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] open(byte[] blob, String context) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, blob, 0, 12));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(blob, 12, blob.length - 12);
        } catch (GeneralSecurityException e) {
            throw new Refused(400, "InvalidCiphertextException", "The ciphertext or its encryption context is not valid.");
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String keyId() {
        return keyId;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
