package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DurableDatabaseUrlTest {
    @Test
    void anH2FileGetsTheSettingsThatMakeACommitDurable() {
        assertEquals("jdbc:h2:file:/srv/booking;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536",
                DurableDatabaseUrl.of("jdbc:h2:file:/srv/booking", 65_536));
        assertEquals("jdbc:h2:/srv/booking;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536",
                DurableDatabaseUrl.of("jdbc:h2:/srv/booking;MODE=PostgreSQL", 65_536));
    }

    @Test
    void anH2FileGetsAPageCacheOfAQuarterOfTheHeapUnlessItSetsOne() {
        assertEquals(262_144, DurableDatabaseUrl.cacheKilobytes(1L << 30));
        assertEquals(16_384, DurableDatabaseUrl.cacheKilobytes(32L << 20));
        assertEquals(1_048_576, DurableDatabaseUrl.cacheKilobytes(16L << 30));
        assertEquals("jdbc:h2:file:/srv/b;CACHE_SIZE=4096;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                DurableDatabaseUrl.of("jdbc:h2:file:/srv/b;CACHE_SIZE=4096", 65_536));
        assertTrue(DurableDatabaseUrl.of("jdbc:h2:file:/srv/b").contains(";CACHE_SIZE="
                + DurableDatabaseUrl.cacheKilobytes(Runtime.getRuntime().maxMemory())));
    }

    @Test
    void settingsAlreadyDurableAreKeptAsGiven() {
        assertEquals("jdbc:h2:file:/srv/booking;write_delay=0;DB_CLOSE_ON_EXIT=false;LOG=2;cache_size=8192",
                DurableDatabaseUrl.of("jdbc:h2:file:/srv/booking;write_delay=0;DB_CLOSE_ON_EXIT=false;LOG=2;"
                        + "cache_size=8192"));
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
