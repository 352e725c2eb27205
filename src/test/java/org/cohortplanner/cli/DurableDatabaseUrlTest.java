package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DurableDatabaseUrlTest {
    @Test
    void anH2FileGetsTheSettingsThatMakeACommitDurable() {
        assertEquals("jdbc:h2:file:/srv/booking;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                DurableDatabaseUrl.of("jdbc:h2:file:/srv/booking"));
        assertEquals("jdbc:h2:/srv/booking;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                DurableDatabaseUrl.of("jdbc:h2:/srv/booking;MODE=PostgreSQL"));
    }

    @Test
    void settingsAlreadyDurableAreKeptAsGiven() {
        assertEquals("jdbc:h2:file:/srv/booking;write_delay=0;DB_CLOSE_ON_EXIT=false;LOG=2",
                DurableDatabaseUrl.of("jdbc:h2:file:/srv/booking;write_delay=0;DB_CLOSE_ON_EXIT=false;LOG=2"));
    }

    @Test
    void aWriteDelayIsRefusedNamingTheSettingAndWhy() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DurableDatabaseUrl.of("jdbc:h2:file:/srv/booking;WRITE_DELAY=500"));
        assertTrue(refused.getMessage().contains("WRITE_DELAY=500"), refused.getMessage());
        assertTrue(refused.getMessage().contains("WRITE_DELAY=0"), refused.getMessage());
    }

    @Test
    void settingsThatCannotBeDurableAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DurableDatabaseUrl.of("jdbc:h2:file:/srv/booking;LOG=0")).getMessage().contains("LOG=0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DurableDatabaseUrl.of("jdbc:h2:file:/srv/b;FILE_LOCK=NO")).getMessage().contains("FILE_LOCK"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DurableDatabaseUrl.of("jdbc:h2:mem:night")).getMessage().contains("in memory"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DurableDatabaseUrl.of("jdbc:h2:file:/srv/b;DB_CLOSE_ON_EXIT=TRUE")).getMessage()
                .contains("DB_CLOSE_ON_EXIT=TRUE"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> DurableDatabaseUrl.of("jdbc:postgresql://db/booking?options=-c%20synchronous_commit%3Doff"))
                .getMessage().contains("synchronous_commit"));
    }

    @Test
    void postgresqlIsUsedAsGiven() {
        assertEquals("jdbc:postgresql://db:5432/booking?sslmode=require",
                DurableDatabaseUrl.of("jdbc:postgresql://db:5432/booking?sslmode=require"));
    }

    @Test
    void theShownUrlKeepsEverySettingButThePassword() {
        assertEquals("jdbc:h2:file:/srv/b;PASSWORD=***;WRITE_DELAY=0",
                DurableDatabaseUrl.shown("jdbc:h2:file:/srv/b;PASSWORD=secret;WRITE_DELAY=0"));
        assertEquals("jdbc:postgresql://db/b?user=cohort&password=***",
                DurableDatabaseUrl.shown("jdbc:postgresql://db/b?user=cohort&password=secret"));
    }
}
