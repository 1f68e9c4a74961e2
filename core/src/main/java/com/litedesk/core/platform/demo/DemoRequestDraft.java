package com.litedesk.core.platform.demo;

import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;

/** What a prospect fills in on the public demo form. */
public record DemoRequestDraft(
        @MaxLength(200) String companyName,
        @MaxLength(200) String contactName,
        @MaxLength(254) String email,
        @Nullable @MaxLength(40) String phone,
        @Nullable @MaxLength(20) String companySize,
        @Nullable @MaxLength(100) String industry,
        String subdomain,
        @Nullable @MaxLength(2000) String message) {
}
