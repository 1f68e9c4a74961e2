package com.litedesk.app.http;

import java.util.List;

/** A whole list, for lists short enough to come in one answer (teams, pipelines, plans). */
public record Items<T>(List<T> items) {
    public Items {
        items = List.copyOf(items);
    }
}
