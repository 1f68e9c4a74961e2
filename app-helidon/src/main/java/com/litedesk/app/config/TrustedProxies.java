package com.litedesk.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code LITEDESK_TRUSTED_PROXIES}: addresses and CIDR ranges,
 * comma-separated, IPv4 or IPv6). From any other peer the header is ignored and the peer is the client. Behind a chain
 * of trusted proxies the client is the right-most address of the header that is not itself a trusted proxy.
 */
public final class TrustedProxies {

    private static final Pattern LITERAL = Pattern.compile("^[0-9A-Fa-f:.]+$");
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;
    private final String text;

    private TrustedProxies(List<Range> ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    /** Parses a comma-separated list of addresses and CIDR ranges; anything else is a configuration error. */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String item : list.split(",")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            byte[] address = literal(host);
            if (address == null) {
                throw new ConfigurationError("LITEDESK_TRUSTED_PROXIES takes IP addresses and CIDR ranges such as 10.0.0.0/8; '"
                        + entry + "' is neither");
            }
            int bits = address.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new ConfigurationError("LITEDESK_TRUSTED_PROXIES: '" + entry + "' has no valid prefix length");
                }
            }
            ranges.add(new Range(address, bits));
        }
        return new TrustedProxies(List.copyOf(ranges), list.strip());
    }

    /** Whether {@code host} (an address as the socket reports it) is a trusted proxy. */
    public boolean trusts(String host) {
        if (ranges.isEmpty()) {
            return false;
        }
        byte[] address = literal(host);
        if (address == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client of a request from {@code peer} carrying {@code forwardedFor} (or null): the peer itself unless it is
     * trusted; else the right-most address in the header that is not a trusted proxy (malformed entries end the walk).
     */
    public String clientOf(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusts(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",", 32);
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || hop.length() > 45 || literal(hop) == null) {
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** The list as configured (handed on to instances the control plane runs). */
    public String text() {
        return text;
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The bytes of a numeric IPv4/IPv6 address, or null for anything else (never a DNS lookup). */
    static byte[] literal(String host) {
        if (host == null || host.isEmpty() || host.length() > 45) {
            return null;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int zone = h.indexOf('%');
        if (zone >= 0) {
            h = h.substring(0, zone);
        }
        if (!LITERAL.matcher(h).matches() || !(h.contains(":") || h.chars().filter(c -> c == '.').count() == 3)) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(h).getAddress(); // a literal: parsed, not resolved
            if (bytes.length == 16 && isMappedV4(bytes)) {
                return java.util.Arrays.copyOfRange(bytes, 12, 16);
            }
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }
}
