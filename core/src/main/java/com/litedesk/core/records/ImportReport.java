package com.litedesk.core.records;

import java.util.List;

/**
 * The outcome of a CSV import (or of its dry run: then nothing was written and the counts say
 * what would happen). {@code errors} lists at most the first 1,000 problems; {@code failed}
 * counts every rejected row.
 */
public record ImportReport(boolean dryRun, long rows, long created, long updated, long failed, List<RowError> errors, List<Column> columns) {

    public ImportReport(boolean dryRun, long rows, long created, long updated, long failed, List<RowError> errors) {
        this(dryRun, rows, created, updated, failed, errors, List.of());
    }

    /** A column of the file and the field it filled ({@code null}: ignored), as the preview shows them. */
    public record Column(String column, @com.litedesk.ports.contract.Nullable String field) {
    }

    public ImportReport withColumns(List<Column> matched) {
        return new ImportReport(dryRun, rows, created, updated, failed, errors, List.copyOf(matched));
    }

    /** A rejected row: its number in the file (the header is row 1), the field and why. */
    public record RowError(long row, String field, String message) {
    }
}
