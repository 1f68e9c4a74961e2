package com.litedesk.core.crm.dashboards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A run of consecutive calendar months in UTC, from {@code first}, {@code count} long. */
record Months(YearMonth first, int count) {

    /** The current month and the {@code count - 1} before it. */
    static Months endingWith(YearMonth current, int count) {
        return new Months(current.minusMonths(count - 1L), count);
    }

    /** The first instant of the run. */
    Instant start() {
        return first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the run. */
    Instant end() {
        return first.plusMonths(count).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    LocalDate startDate() {
        return first.atDay(1);
    }

    LocalDate endDate() {
        return first.plusMonths(count).atDay(1);
    }

    /** The 0-based month of an instant, or -1 outside the run. */
    int indexOf(Instant at) {
        return at == null ? -1 : indexOf(YearMonth.from(at.atZone(ZoneOffset.UTC)));
    }

    /** The 0-based month of a date, or -1 outside the run. */
    int indexOf(LocalDate date) {
        return date == null ? -1 : indexOf(YearMonth.from(date));
    }

    private int indexOf(YearMonth month) {
        long index = first.until(month, java.time.temporal.ChronoUnit.MONTHS);
        return index < 0 || index >= count ? -1 : (int) index;
    }

    /** The first day of every month of the run. */
    List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(first.plusMonths(i).atDay(1));
        }
        return days;
    }
}
