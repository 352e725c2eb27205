package org.cohortplanner.store.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.planning.PhraseFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit keeps an action's phrase beside its text, across a reopening; entries without one keep their text. */
class AuditPhraseTest {
    @TempDir
    Path folder;

    private static String korean(Phrase phrase) {
        return PhraseFormat.of(Locale.KOREAN, PhraseFormat.PLAIN).format(phrase);
    }

    @Test
    void anActionSavedAsAPhraseReadsBackAsThatPhraseAfterReopening() {
        Phrase suggestion = Phrase.of("slip.regional.swap", "Pfizer", "Moderna", "55–59",
                new Phrase.Region("Seoul"), LocalDate.of(2021, 7, 26), LocalDate.of(2021, 7, 30),
                new Phrase.Count(232_726));
        Phrase what = Phrase.of("audit.delivery.delayedWithSuggestion", "MOD-2021-W28", suggestion);
        Phrase undo = Phrase.of("audit.undo", Phrase.of("audit.cohort.splitByDigit", "18–49", 10, "18–49 (0)"));
        String text = PhraseFormat.english(what);
        Plan saved;
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            saved = store.save(TestPlans.everyField(), PlanChange.of("kim", "Open plan"));
            saved = store.save(saved.withDescription("delayed"), new PlanChange("kim", text, "", "", "slip")
                    .withWhat(what));
            store.save(saved.withDescription("undone"), PlanChange.of("kim", "Undo: split").withWhat(undo));
        }
        try (H2PlanStore reopened = H2PlanStore.open(folder)) {
            List<AuditEntry> audit = reopened.audit();
            assertEquals(3, audit.size());
            assertNull(audit.get(0).what(), "an entry saved as text only has no phrase");
            assertEquals("Open plan", audit.get(0).action());
            assertEquals(text, audit.get(1).action());
            assertEquals(what.code(), audit.get(1).what().code());
            assertEquals(PhraseFormat.english(what), PhraseFormat.english(audit.get(1).what()));
            assertEquals(korean(what), korean(audit.get(1).what()));
            assertEquals(korean(undo), korean(audit.get(2).what()));
            assertEquals("실행 취소: 코호트 18–49를 생일 끝자리로 10개 분할: 18–49 (0)", korean(audit.get(2).what()));
        }
    }
}
