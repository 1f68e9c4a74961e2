package com.litedesk.ports.crm;

public enum CustomFieldType {
    TEXT, NUMBER, DATE, BOOL, SELECT
}
