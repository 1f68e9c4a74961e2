package com.litedesk.core.crm.companies;

import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.crm.Address;
import java.util.Map;

/** The fields of a company a client writes. */
public record CompanyDraft(
        @MaxLength(200) String name,
        @Nullable @MaxLength(253) String domain,
        @Nullable @MaxLength(100) String industry,
        @Nullable @MaxLength(50) String size,
        @Nullable Address address,
        @Nullable String ownerId,
        @Nullable Map<String, Object> customFields) {

    public static CompanyDraft named(String name, String domain) {
        return new CompanyDraft(name, domain, null, null, null, null, Map.of());
    }
}
