package com.litedesk.core.platform.demo;

/** What a prospect fills in on the public demo form. */
public record DemoRequestDraft(
        String companyName,
        String contactName,
        String email,
        String phone,
        String companySize,
        String industry,
        String subdomain,
        String message) {
}
