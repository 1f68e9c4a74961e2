package com.litedesk.core.crm.timeline;

import com.litedesk.ports.audit.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** An audited change of a record in words: "changed the email, the owner and Customer tier", "moved to Won". */
final class ChangeWords {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("firstName", "the first name"), Map.entry("lastName", "the last name"), Map.entry("emails", "the email"),
            Map.entry("phones", "the phone"), Map.entry("title", "the title"), Map.entry("companyId", "the company"),
            Map.entry("contactIds", "the contacts"), Map.entry("ownerId", "the owner"), Map.entry("value", "the value"),
            Map.entry("currency", "the currency"), Map.entry("expectedCloseDate", "the expected close date"),
            Map.entry("customFields", "custom fields"), Map.entry("tags", "the tags"), Map.entry("domain", "the domain"),
            Map.entry("industry", "the industry"), Map.entry("name", "the name"), Map.entry("stageId", "the stage"),
            Map.entry("pipelineId", "the pipeline"), Map.entry("status", "the status"), Map.entry("address", "the address"),
            Map.entry("rank", "the position on the board"));
    private static final Set<String> UNSAID = Set.of("version", "updatedAt", "updatedBy", "rank", "closedAt");

    private ChangeWords() {
    }

    static String describe(AuditEntry entry, Function<String, String> stageName) {
        String verb = entry.action().substring(entry.action().indexOf('.') + 1);
        return switch (verb) {
            case "create" -> "created";
            case "delete" -> "deleted";
            case "restore" -> "restored";
            case "merge" -> "merged " + entry.before().getOrDefault("merged", "a duplicate") + " into this";
            case "move" -> {
                String stage = stageName.apply(entry.after().get("stageId"));
                yield stage == null ? "moved to another stage" : "moved to " + stage;
            }
            default -> changed(entry.after().isEmpty() ? entry.before().keySet() : entry.after().keySet());
        };
    }

    private static String changed(Set<String> keys) {
        List<String> said = new ArrayList<>();
        for (String key : keys.stream().sorted().toList()) {
            if (!UNSAID.contains(key)) {
                said.add(FIELDS.getOrDefault(key, "the " + words(key)));
            }
        }
        if (said.isEmpty()) {
            return "changed";
        }
        if (said.size() == 1) {
            return "changed " + said.getFirst();
        }
        return "changed " + String.join(", ", said.subList(0, said.size() - 1)) + " and " + said.getLast();
    }

    /** "expectedCloseDate" → "expected close date". */
    private static String words(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
