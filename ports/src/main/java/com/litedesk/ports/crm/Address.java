package com.litedesk.ports.crm;

/** A postal address; every part optional. */
public record Address(String street, String city, String region, String postalCode, String country) {
}
