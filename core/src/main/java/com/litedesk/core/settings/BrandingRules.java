package com.litedesk.core.settings;

import com.litedesk.core.records.Validation;
import com.litedesk.ports.instance.Branding;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an Owner's branding must be. Colours: {@code #rrggbb} dark enough that white text on them, and text in them on
 * the light page background, reads (contrast at least 4.5:1, WCAG AA): buttons put white text on the primary colour,
 * links are written in it. Logo: a PNG, JPEG or WebP image (checked
 * by its bytes, not only its declared type; no SVG, which can carry scripts) of at most 200 KB. Sender name: one line,
 * no characters that mean something in a mail header.
 */
public final class BrandingRules {

    public static final int MAX_LOGO_BYTES = 200 * 1024;
    private static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final Pattern DATA_URL = Pattern.compile("^data:(image/(?:png|jpeg|webp));base64,([A-Za-z0-9+/=]+)$");
    private static final double MIN_CONTRAST = 4.5;
    private static final String PAGE_BACKGROUND = "#f6f7f9";

    /** A logo's media type and bytes. */
    public record Image(String mediaType, byte[] bytes) {
    }

    private BrandingRules() {
    }

    /** The branding, normalised (colours in lower case, blank values as none), or a validation error per bad field. */
    static Branding checked(Branding draft) {
        Validation v = new Validation();
        String primary = colour(v, "primaryColor", draft.primaryColor());
        String accent = colour(v, "accentColor", draft.accentColor());
        String sender = v.optional("mailSenderName", draft.mailSenderName(), 100);
        if (sender != null && sender.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"')) {
            v.error("mailSenderName", "must be one line without < > or \"");
        }
        String logo = draft.logo() == null || draft.logo().isBlank() ? null : draft.logo().strip();
        if (logo != null) {
            String problem = logoProblem(logo);
            if (problem != null) {
                v.error("logo", problem);
            }
        }
        v.throwIfInvalid();
        return new Branding(logo, primary, accent, sender);
    }

    /** The logo of a checked branding as bytes. */
    static Image image(String logo) {
        Matcher m = DATA_URL.matcher(logo);
        if (!m.matches()) {
            throw new IllegalStateException("a stored logo is always a checked data URL");
        }
        return new Image(m.group(1), Base64.getDecoder().decode(m.group(2)));
    }

    /** The branding as the audit log records it: the logo by its size, never its bytes. */
    static Map<String, String> described(Branding b) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("logo", b.logo() == null ? "none" : image(b.logo()).bytes().length + " bytes");
        out.put("primaryColor", String.valueOf(b.primaryColor()));
        out.put("accentColor", String.valueOf(b.accentColor()));
        out.put("mailSenderName", String.valueOf(b.mailSenderName()));
        return out;
    }

    private static String colour(Validation v, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String colour = value.strip().toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(colour).matches()) {
            v.error(field, "must be a colour written #rrggbb");
            return null;
        }
        // against the light theme's page background, the lightest colour text in the brand colour sits on besides white
        double contrast = (luminance(PAGE_BACKGROUND) + 0.05) / (luminance(colour) + 0.05);
        if (contrast < MIN_CONTRAST) {
            v.error(field, String.format(Locale.ROOT, "is too light to read: text in it, or white text on it, has a contrast of %.1f:1;"
                    + " at least 4.5:1 is needed", contrast));
        }
        return colour;
    }

    /** WCAG 2 relative luminance of #rrggbb. */
    static double luminance(String colour) {
        double r = channel(Integer.parseInt(colour.substring(1, 3), 16));
        double g = channel(Integer.parseInt(colour.substring(3, 5), 16));
        double b = channel(Integer.parseInt(colour.substring(5, 7), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String logoProblem(String logo) {
        if (logo.length() > Branding.MAX_LOGO_CHARS) {
            return "must be at most 200 KB";
        }
        Matcher m = DATA_URL.matcher(logo);
        if (!m.matches()) {
            return "must be a PNG, JPEG or WebP image as a data:image/…;base64 URL";
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            return "is not valid base64";
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            return "must be at most 200 KB";
        }
        if (!startsAs(m.group(1), bytes)) {
            return "is not a " + m.group(1).substring(6).toUpperCase(Locale.ROOT) + " image";
        }
        return null;
    }

    private static boolean startsAs(String mediaType, byte[] bytes) {
        return switch (mediaType) {
            case "image/png" -> prefix(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
            case "image/jpeg" -> prefix(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case "image/webp" -> prefix(bytes, 0, new byte[] {'R', 'I', 'F', 'F'}) && prefix(bytes, 8, new byte[] {'W', 'E', 'B', 'P'});
            default -> false;
        };
    }

    private static boolean prefix(byte[] bytes, int at, byte[] expected) {
        return bytes.length >= at + expected.length && Arrays.equals(bytes, at, at + expected.length, expected, 0, expected.length);
    }
}
