package org.cohortplanner.ui.audit;

import java.time.ZoneId;
import java.util.Locale;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.ProblemTexts;

/**
 * One audit entry as the audit table shows it: the time in the plan's zone, the action in the console's language
 * where the entry keeps it as a phrase, else as it was written when saved.
 */
public record AuditRow(long sequence, String time, String user, String action, String change, String reason,
                       long planVersion) {

    static AuditRow of(AuditEntry entry, ZoneId zone, Locale locale) {
        return of(entry, zone, ProblemTexts.of(locale));
    }

    static AuditRow of(AuditEntry entry, ZoneId zone, ProblemTexts phrases) {
        return new AuditRow(entry.sequence(), Formats.timestamp(entry.at(), zone, phrases.locale()), entry.user(),
                phrases.phraseOr(entry.what(), entry.action()),
                change(entry.before(), entry.after()), entry.reason(), entry.planVersion());
    }

    /** "before → after", or just the side that is there. */
    static String change(String before, String after) {
        boolean hasBefore = before != null && !before.isBlank();
        boolean hasAfter = after != null && !after.isBlank();
        if (hasBefore && hasAfter) {
            return before + " → " + after;
        }
        if (hasAfter) {
            return "→ " + after;
        }
        return hasBefore ? before + " →" : "";
    }

    /** True when any text of the entry contains {@code words}, ignoring case. */
    boolean matches(String words) {
        String wanted = words.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return true;
        }
        String all = String.join("\n", time, user, action, change, reason, "v" + planVersion)
                .toLowerCase(Locale.ROOT);
        for (String word : wanted.split("\\s+")) {
            if (!all.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
