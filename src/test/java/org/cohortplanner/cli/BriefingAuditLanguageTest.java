package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.export.BriefingDocument;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;

/** The briefing's decisions write an action kept as a phrase in the briefing's language; others as saved. */
class BriefingAuditLanguageTest {
    private static List<String> actions(Locale locale, List<AuditEntry> audit) {
        Plan plan = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
        BriefingDocument document = new Briefing(locale).document(List.of(new Briefing.Briefed(plan,
                CampaignDashboard.standard().figures(plan))), audit, null, LocalDate.of(2021, 7, 20));
        return document.blocks().stream().filter(block -> block instanceof BriefingDocument.Table)
                .map(block -> (BriefingDocument.Table) block)
                .filter(table -> table.rows().stream().anyMatch(row -> row.contains("kim")))
                .flatMap(table -> table.rows().stream()).map(row -> row.get(2)).toList();
    }

    @Test
    void anActionSavedOnTheKoreanConsoleReadsInEnglishInAnEnglishBriefing() {
        Instant at = Instant.parse("2021-07-19T11:00:00Z");
        List<AuditEntry> audit = List.of(
                new AuditEntry(1, at, "kim", "MOD-2021-W28 입고 지연 기록", "", "", "", 2,
                        Phrase.of("audit.delivery.delayed", "MOD-2021-W28")),
                new AuditEntry(2, at, "kim", "Saved as text only", "", "", "", 3));

        List<String> english = actions(Locale.ENGLISH, audit);
        assertTrue(english.contains("Recorded a delay of delivery MOD-2021-W28"), english.toString());
        assertTrue(english.contains("Saved as text only"), english.toString());
        List<String> korean = actions(Locale.KOREAN, audit);
        assertTrue(korean.contains("MOD-2021-W28 입고 지연 기록"), korean.toString());
    }
}
