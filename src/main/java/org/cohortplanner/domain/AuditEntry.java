package org.cohortplanner.domain;

import java.time.Instant;

/** One saved change: when, who, what (before → after) and why. */
public record AuditEntry(long sequence, Instant at, String user, String action, String before, String after,
                         String reason, long planVersion) {
}
