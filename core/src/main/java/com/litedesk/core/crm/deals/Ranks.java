package com.litedesk.core.crm.deals;

/**
 * Board order as strings: a rank between any two ranks can always be made without renumbering
 * others (fractional indexing in base 36). Ranks made here never end in '0', which is what keeps
 * "between" always possible.
 */
final class Ranks {

    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int BASE = DIGITS.length();

    private Ranks() {
    }

    /** The rank of a new deal: after every deal created before it. */
    static String initial(String id) {
        return "t" + id + "i";
    }

    /** A rank strictly between {@code before} and {@code after}; either may be null (no bound). */
    static String between(String before, String after) {
        String a = before == null ? "" : before;
        if (after != null && a.compareTo(after) >= 0) {
            throw new IllegalArgumentException("ranks out of order: " + before + " >= " + after);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean bounded = after != null;
        while (true) {
            int da = i < a.length() ? digit(a.charAt(i)) : 0;
            int db = bounded ? (i < after.length() ? digit(after.charAt(i)) : 0) : BASE;
            if (da == db) {
                out.append(DIGITS.charAt(da));
                i++;
                continue;
            }
            if (db - da > 1) {
                out.append(DIGITS.charAt((da + db) / 2));
                return out.toString();
            }
            // adjacent digits: keep a's digit and find room above the rest of a
            out.append(DIGITS.charAt(da));
            i++;
            bounded = false;
        }
    }

    private static int digit(char c) {
        int d = DIGITS.indexOf(c);
        if (d < 0) {
            throw new IllegalArgumentException("not a rank character: " + c);
        }
        return d;
    }
}
