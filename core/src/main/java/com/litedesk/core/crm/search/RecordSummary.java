package com.litedesk.core.crm.search;

import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.crm.RecordRef;
import com.litedesk.ports.crm.RecordType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One record as a search hit or a recent record shows it: its kind and id (to open it), a {@code title} in words (a
 * contact's full name, a company's name, a deal's or task's title, a note's first line) and a {@code detail} line
 * (a contact's email, a company's domain, a deal's company, the record a task or note is about). A deal's
 * {@code value} and {@code currency} and a task's {@code dueDate} come as values, for the reader to format in their
 * own locale. {@code linked} is the record the detail names when it names one (a contact's or deal's company, the
 * record of a task or note): where a task or a note is shown.
 */
public record RecordSummary(RecordType kind, String id, String title, @Nullable String detail, @Nullable RecordRef linked,
                            @Nullable BigDecimal value, @Nullable String currency, @Nullable LocalDate dueDate) {
}
