package org.cohortplanner.store.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The store against another process: a console killed mid-save, and a second console on the same folder. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class H2PlanStoreProcessTest {
    /** Saves acknowledged before the kill; the child goes on saving, so the kill lands during a save. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 25;

    @TempDir
    Path folder;

    private Process start(String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StoreChild.class.getName(),
                mode, folder.toString())
                .redirectError(folder.resolve(mode + "-errors.txt").toFile())
                .start();
    }

    private String errors(String mode) throws IOException {
        Path file = folder.resolve(mode + "-errors.txt");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void everySaveAcknowledgedBeforeAKillIsThereAfterReopening() throws Exception {
        Process child = start("save");
        long acknowledged = 0;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < ACKNOWLEDGED_BEFORE_KILL && (line = output.readLine()) != null) {
                acknowledged = Long.parseLong(line.substring("saved ".length()));
            }
            assertEquals(ACKNOWLEDGED_BEFORE_KILL, acknowledged, errors("save"));
            // SIGKILL through the handle: Process.destroyForcibly would also close the pipe, in which the
            // acknowledgements written just before the kill still wait to be read.
            child.toHandle().destroyForcibly();
            while ((line = output.readLine()) != null) {
                acknowledged = Long.parseLong(line.substring("saved ".length()));
            }
            child.waitFor();
        }
        try (H2PlanStore reopened = H2PlanStore.open(folder)) {
            Plan plan = reopened.load().orElseThrow();
            assertTrue(plan.version() >= acknowledged, "version " + plan.version() + " but " + acknowledged
                    + " saves were acknowledged");
            assertEquals(StoreChild.changed(TestPlans.campaignSized(), plan.version()).withVersion(plan.version()),
                    plan, "the plan is the one of its version, every table of it");
            List<AuditEntry> audit = reopened.audit();
            assertEquals(plan.version(), audit.size());
            for (int i = 0; i < audit.size(); i++) {
                assertEquals(i + 1, audit.get(i).sequence());
                assertEquals(i + 1, audit.get(i).planVersion());
                assertEquals("change " + (i + 1), audit.get(i).action());
            }
        }
    }

    @Test
    void consoleInAnotherProcessHoldsTheFolderUntilItEnds() throws Exception {
        Process child = start("hold");
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("open", output.readLine(), errors("hold"));
            StoreException refused = assertThrows(StoreException.class, () -> H2PlanStore.open(folder));
            assertEquals("the database " + folder.toAbsolutePath().resolve("cohort-planner.mv.db") + " is in use by "
                    + "another running Cohort Planner console; close that console first, or choose another data "
                    + "folder with --data-dir", refused.getMessage());
            child.destroyForcibly();
            child.waitFor();
        }
        try (H2PlanStore afterKill = H2PlanStore.open(folder)) {
            assertNotNull(afterKill.audit());
        }
    }
}
