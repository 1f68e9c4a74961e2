package com.litedesk.core.listing;

/** The type of a listable field, which decides how filter values and cursor values are read. */
public enum FieldType {
    TEXT, TEXT_LIST, DECIMAL, INTEGER, BOOLEAN, INSTANT, DATE, ENUM
}
