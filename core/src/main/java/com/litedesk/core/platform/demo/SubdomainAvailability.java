package com.litedesk.core.platform.demo;

/** Whether a subdomain can be requested, and if not, why (shown next to the form field). */
public record SubdomainAvailability(String subdomain, boolean available, String reason) {
}
