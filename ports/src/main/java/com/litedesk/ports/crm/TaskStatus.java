package com.litedesk.ports.crm;

public enum TaskStatus {
    OPEN, DONE
}
