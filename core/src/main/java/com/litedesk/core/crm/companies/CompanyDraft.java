package com.litedesk.core.crm.companies;

import com.litedesk.ports.crm.Address;
import java.util.Map;

/** The fields of a company a client writes. */
public record CompanyDraft(String name, String domain, String industry, String size, Address address,
                           String ownerId, Map<String, Object> customFields) {

    public static CompanyDraft named(String name, String domain) {
        return new CompanyDraft(name, domain, null, null, null, null, Map.of());
    }
}
