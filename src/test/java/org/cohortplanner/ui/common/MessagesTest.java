package org.cohortplanner.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.store.StoreException;
import org.junit.jupiter.api.Test;

/** A store's failure said in the console's language, and in the command line's English as before. */
class MessagesTest {
    private static final Locale KOREAN = Locale.KOREAN;

    @Test
    void aPhrasedStoreFailureIsSaidInKoreanAndItsMessageStaysTheEnglishOfBefore() {
        StoreException down = new StoreException(Phrase.of("store.backendDown", "https://backend:7070"), null);
        assertEquals("cannot reach the backend at https://backend:7070: nothing answers there (is it running?)",
                down.getMessage(), "the command line and the logs keep the English they had");
        assertEquals(down.getMessage(), Messages.describe(down, Locale.ENGLISH));
        String korean = Messages.describe(down, KOREAN);
        assertTrue(korean.contains("https://backend:7070") && korean.contains("백엔드"), korean);
        assertFalse(korean.matches(".*\\b(cannot|reach|nothing|answers)\\b.*"), korean);
    }

    @Test
    void aPhrasedFailureInsideAWrapperIsStillSaidInTheConsolesLanguage() {
        StoreException inUse = new StoreException(Phrase.of("store.inUse", "/home/kim/cohort-planner.mv.db"), null);
        String korean = Messages.describe(new ExecutionException(inUse), KOREAN);
        assertTrue(korean.startsWith("다른 Cohort Planner 콘솔이"), korean);
    }

    @Test
    void aFailureWithOnlyAMessageKeepsIt() {
        assertEquals("the data store holds no plan",
                Messages.describe(new StoreException("the data store holds no plan"), KOREAN));
    }
}
