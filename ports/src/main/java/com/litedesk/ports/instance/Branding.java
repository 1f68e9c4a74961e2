package com.litedesk.ports.instance;

import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;

/**
 * How an instance presents itself, as its Owner sets it: a logo ({@code data:image/png|jpeg|webp;base64,…}, at most
 * 200 KB decoded), a primary colour (buttons, the current menu item) and an accent colour (the top bar's rule), both
 * {@code #rrggbb}, and the sender name its mails carry. Every part may be absent: the product's own look is used.
 */
public record Branding(
        @Nullable @MaxLength(Branding.MAX_LOGO_CHARS) String logo,
        @Nullable @MaxLength(7) String primaryColor,
        @Nullable @MaxLength(7) String accentColor,
        @Nullable @MaxLength(100) String mailSenderName) {

    /** A 200 KB image in base64 with its data: prefix. */
    public static final int MAX_LOGO_CHARS = 273_100;

    public static final Branding NONE = new Branding(null, null, null, null);
}
