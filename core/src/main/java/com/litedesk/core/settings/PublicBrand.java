package com.litedesk.core.settings;

import com.litedesk.ports.contract.Nullable;

/** What the sign-in page and every screen show of an instance: its name, colours and where its logo is read. */
public record PublicBrand(String name, @Nullable String primaryColor, @Nullable String accentColor, @Nullable String logoUrl) {
}
