package com.litedesk.core.crm.search;

import com.litedesk.core.access.Resource;
import com.litedesk.core.crm.companies.Companies;
import com.litedesk.core.crm.contacts.Contacts;
import com.litedesk.core.crm.deals.Deals;
import com.litedesk.core.crm.notes.Notes;
import com.litedesk.core.crm.tasks.Tasks;
import com.litedesk.core.records.OwnedRecords;
import com.litedesk.ports.crm.RecordType;
import java.util.List;

/** The five kinds of CRM record a user searches and opens, with the use cases that list and read each. */
public record CrmKinds(Contacts contacts, Companies companies, Deals deals, Tasks tasks, Notes notes) {

    /** The kinds in the order that breaks ties between equally good matches. */
    public static final List<RecordType> ALL = List.of(RecordType.CONTACT, RecordType.COMPANY, RecordType.DEAL,
            RecordType.TASK, RecordType.NOTE);

    public static boolean isCrmRecord(RecordType type) {
        return ALL.contains(type);
    }

    public OwnedRecords<?, ?> of(RecordType type) {
        return switch (type) {
            case CONTACT -> contacts;
            case COMPANY -> companies;
            case DEAL -> deals;
            case TASK -> tasks;
            case NOTE -> notes;
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    public static Resource resourceOf(RecordType type) {
        return switch (type) {
            case CONTACT -> Resource.CONTACTS;
            case COMPANY -> Resource.COMPANIES;
            case DEAL -> Resource.DEALS;
            case TASK -> Resource.TASKS;
            case NOTE -> Resource.NOTES;
            default -> throw new IllegalArgumentException(type.name());
        };
    }
}
