package com.litedesk.core.identity;

import com.litedesk.ports.identity.Team;
import java.time.Instant;
import java.util.List;

/** A team with its active members' ids. */
public record TeamView(String id, long version, String name, List<String> memberIds, Instant createdAt, Instant updatedAt) {
    static TeamView of(Team team, List<String> members) {
        return new TeamView(team.id(), team.version(), team.name(), members, team.createdAt(), team.updatedAt());
    }
}
