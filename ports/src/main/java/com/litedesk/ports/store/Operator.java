package com.litedesk.ports.store;

/** Comparison operators a {@link Condition.Compare} may use. */
public enum Operator {
    EQ, NE, GT, GTE, LT, LTE,
    /** The value is a {@code List}; matches when the field equals any element. */
    IN,
    /** Case-insensitive "starts with" on a text field (or on any element of a text list). */
    PREFIX
}
