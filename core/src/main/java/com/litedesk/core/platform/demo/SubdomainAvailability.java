package com.litedesk.core.platform.demo;

import com.litedesk.ports.contract.Nullable;

/** Whether a subdomain can be requested, and if not, why (shown next to the form field). */
public record SubdomainAvailability(String subdomain, boolean available, @Nullable String reason) {
}
