package com.litedesk.ports.store;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The searchable words of one record: {@code primary} (names, titles) and {@code secondary} (emails, domains,
 * bodies). A match in the primary text ranks above one in the secondary text. Neither is ever null.
 */
public record SearchText(String primary, String secondary) {

    public SearchText {
        primary = primary == null ? "" : primary;
        secondary = secondary == null ? "" : secondary;
    }

    /** The non-null parts joined by spaces. */
    public static String join(Object... parts) {
        return Arrays.stream(parts).filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
    }
}
