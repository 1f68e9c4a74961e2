package com.litedesk.ports.crm;

import com.litedesk.ports.contract.Nullable;

/** A postal address; every part optional. */
public record Address(
        @Nullable String street,
        @Nullable String city,
        @Nullable String region,
        @Nullable String postalCode,
        @Nullable String country) {
}
