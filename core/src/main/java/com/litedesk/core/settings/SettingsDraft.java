package com.litedesk.core.settings;

import com.litedesk.ports.crm.CustomFieldDefinition;
import java.util.List;
import java.util.Map;

/** The settings an Owner or Admin edits: the instance's name and custom fields per record type. */
public record SettingsDraft(String name, Map<String, List<CustomFieldDefinition>> customFields) {
}
