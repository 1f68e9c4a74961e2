package com.litedesk.core.settings;

import com.litedesk.ports.contract.MaxLength;
import com.litedesk.ports.contract.Nullable;
import com.litedesk.ports.crm.CustomFieldDefinition;
import java.util.List;
import java.util.Map;

/** The settings an Owner or Admin edits: the instance's name and custom fields per record type. */
public record SettingsDraft(@MaxLength(100) String name, @Nullable Map<String, List<CustomFieldDefinition>> customFields) {
}
