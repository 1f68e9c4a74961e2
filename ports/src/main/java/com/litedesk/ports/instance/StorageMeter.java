package com.litedesk.ports.instance;

/** Measures how much storage an instance's data takes. */
public interface StorageMeter {
    /** Bytes used by the instance's data; an estimate is fine. */
    long usedBytes();
}
