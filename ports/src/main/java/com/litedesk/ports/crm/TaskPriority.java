package com.litedesk.ports.crm;

public enum TaskPriority {
    LOW, NORMAL, HIGH
}
