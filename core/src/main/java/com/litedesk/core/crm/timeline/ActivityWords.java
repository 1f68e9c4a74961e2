package com.litedesk.core.crm.timeline;

import com.litedesk.ports.crm.Activity;
import com.litedesk.ports.crm.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An activity as a timeline tells it: "Call with Ada Lovelace — 15 min — Left a voicemail". */
final class ActivityWords {

    private ActivityWords() {
    }

    static String describe(Activity a, String recordName) {
        List<String> parts = new ArrayList<>();
        String kind = switch (a.type()) {
            case CALL -> "Call";
            case MEETING -> "Meeting";
            case EMAIL -> "Email";
        };
        parts.add(kind + (a.linkedRecord().type() == RecordType.DEAL ? " about " : " with ") + recordName);
        if (a.durationMinutes() != null && a.durationMinutes() > 0) {
            parts.add(duration(a.durationMinutes()));
        }
        if (a.outcome() != null) {
            parts.add(a.outcome());
        }
        return String.join(" — ", parts);
    }

    static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    static Map<String, String> details(Activity a) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("type", a.type().name());
        details.put("subject", a.subject());
        if (a.body() != null) {
            details.put("body", a.body());
        }
        if (a.durationMinutes() != null) {
            details.put("durationMinutes", a.durationMinutes().toString());
        }
        if (a.outcome() != null) {
            details.put("outcome", a.outcome());
        }
        details.put("version", Long.toString(a.version()));
        return details;
    }
}
