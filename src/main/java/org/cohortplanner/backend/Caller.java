package org.cohortplanner.backend;

import java.util.Set;
import java.util.stream.Collectors;

/** Who sent a request, as the tokens file names them, and what they may do. */
public record Caller(String user, Set<Role> roles) {
    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean may(Role role) {
        return roles.contains(role);
    }

    /** The roles for messages, e.g. "planner, supply". */
    public String roleLabels() {
        return roles.stream().map(Role::label).sorted().collect(Collectors.joining(", "));
    }
}
