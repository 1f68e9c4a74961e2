package com.litedesk.core.identity;

import com.litedesk.ports.LiteDeskException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The password rule: 10 to 72 bytes (bcrypt's limit), not all one character, not one of the most common breached
 * passwords (the 100,000 of {@code common-passwords.txt.gz}, compared without regard to case), and not containing
 * the user's own email, the email's local part or the user's name (compared without case, spaces or punctuation).
 */
final class Passwords {

    static final int MIN_LENGTH = 10;
    /** Parts of an email or name shorter than this are not looked for: they would refuse unrelated passwords. */
    private static final int MIN_PART = 3;

    private Passwords() {
    }

    /** The rules that do not depend on whose password it is. */
    static void check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw LiteDeskException.invalid(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw LiteDeskException.invalid(field, "must be at most 72 bytes");
        }
        if (password.chars().distinct().count() < 4) {
            throw LiteDeskException.invalid(field, "is too simple");
        }
        if (Common.PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
            throw LiteDeskException.invalid(field, "is one of the most common passwords; choose one that is harder to guess");
        }
    }

    /** Every rule, for the password of the user with this email and name. */
    static void check(String field, String password, String email, String name) {
        check(field, password);
        String given = letters(password);
        String normalizedEmail = email == null ? "" : email.toLowerCase(Locale.ROOT);
        int at = normalizedEmail.indexOf('@');
        for (String part : new String[] {normalizedEmail, at < 0 ? "" : normalizedEmail.substring(0, at), name == null ? "" : name}) {
            String wanted = letters(part);
            if (wanted.length() >= MIN_PART && given.contains(wanted)) {
                throw LiteDeskException.invalid(field, "must not contain your name or email address");
            }
        }
    }

    private static String letters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * The common passwords, read once. Only those long enough to pass the length rule are held: the others are
     * refused by it already (about 2,300 of the 100,000).
     */
    private static final class Common {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            try (InputStream raw = Passwords.class.getResourceAsStream("common-passwords.txt.gz")) {
                if (raw == null) {
                    throw new IllegalStateException("common-passwords.txt.gz is missing from the classpath");
                }
                var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
                Set<String> kept = new HashSet<>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.length() >= MIN_LENGTH) {
                        kept.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
                return Set.copyOf(kept);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
