package com.litedesk.core.crm.transfer;

import java.util.List;

/** Where an export writes: one header, then rows, as they are read (the web layer streams CSV). */
public interface ExportSink {
    void header(List<String> columns);

    void row(List<String> values);
}
