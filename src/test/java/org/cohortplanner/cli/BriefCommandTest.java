package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.h2.H2PlanStore;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The briefing report, read back by a real PDF reader (Debian's poppler-utils: pdftoppm and pdftotext). */
class BriefCommandTest {
    private static final String AS_RUN = "sample-data/korea-2021-as-run.json";
    private static final String INITIAL = "sample-data/korea-2021-initial.json";

    @TempDir
    Path folder;

    @BeforeAll
    static void needsThePdfReader() {
        assumeTrue(installed("pdftotext") && installed("pdftoppm"),
                "pdftotext and pdftoppm (Debian's poppler-utils) are not installed: apt-get install poppler-utils");
    }

    @Test
    void anEnglishBriefingHasTheCoverTheDashboardTheNightsAndTheProvinces() throws Exception {
        Path pdf = folder.resolve("brief.pdf");
        CommandLineRun run = CommandLineRun.of("brief", INITIAL, "--out", pdf.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("Wrote " + pdf), run.out);
        String text = text(pdf);
        for (String expected : List.of("Korea 2021, initial plan", "Campaign briefing", "Dashboard",
                "Eligible people", "23,541,034", "Timeline", "Moderna: doses per week, needed against usable",
                "Opening nights", "2021-07-19", "Shortages by province", "Seoul", "Jeju", "Decisions",
                "No audit trail was given for this plan.")) {
            assertTrue(text.contains(expected), "the report says " + expected + ":\n" + text);
        }
        int pages = pages(pdf);
        assertTrue(pages >= 3 && pages <= 8, "pages: " + pages);
        assertTrue(text.indexOf("Campaign briefing") < text.indexOf("Eligible people"), "the cover comes first");
    }

    @Test
    void aKoreanComparisonEmbedsTheKoreanFontAndListsWhatDiffers() throws Exception {
        Path pdf = folder.resolve("비교.pdf");
        CommandLineRun run = CommandLineRun.of("brief", INITIAL, "--compare", AS_RUN, "--lang", "ko", "--out",
                pdf.toString());
        assertEquals(0, run.exitCode, run.toString());
        String text = text(pdf);
        for (String expected : List.of("접종 캠페인 브리핑: 계획 비교", "대시보드", "대상자", "예약 개시일", "시도별 부족",
                "Korea 2021, initial plan → Korea 2021, as run 변경 사항", "MOD-2021-W28", "결정 사항")) {
            assertTrue(text.contains(expected), "the report says " + expected + ":\n" + text);
        }
        assertTrue(pages(pdf) > pages(write("en.pdf", INITIAL)), "a comparison has more pages than one plan");
    }

    @Test
    void theDecisionsSinceADateComeFromTheConsolesAuditTrail() throws Exception {
        Path data = folder.resolve("data");
        Plan plan = PlanFiles.read(Path.of(INITIAL));
        try (H2PlanStore store = H2PlanStore.open(data)) {
            Plan stored = store.replace(plan, new PlanChange("kim", "Started with the sample plan", "", plan.name(),
                    "first start"));
            store.save(stored.withDescription("split 50–54?"), new PlanChange("lee", "Changed the description",
                    "", "split 50–54?", "asked by the commissioner"));
        }
        Path pdf = folder.resolve("decisions.pdf");
        CommandLineRun run = CommandLineRun.of("brief", INITIAL, "--out", pdf.toString(), "--data-dir",
                data.toString(), "--since", "2021-01-01");
        assertEquals(0, run.exitCode, run.toString());
        String text = text(pdf);
        assertTrue(text.contains("Decisions since 2021-01-01"), text);
        assertTrue(text.contains("Changed the description") && text.contains("asked by the commissioner"), text);
        assertTrue(text.contains("lee"), text);

        Path later = folder.resolve("later.pdf");
        assertEquals(0, CommandLineRun.of("brief", INITIAL, "--out", later.toString(), "--data-dir",
                data.toString(), "--since", "2999-01-01").exitCode);
        assertTrue(text(later).contains("No decision was recorded in that time."));
    }

    @Test
    void anExistingReportIsKeptWithoutForce() throws IOException {
        Path pdf = Files.writeString(folder.resolve("kept.pdf"), "mine");
        CommandLineRun run = CommandLineRun.of("brief", INITIAL, "--out", pdf.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("already exists; add --force"), run.err);
        assertEquals("mine", Files.readString(pdf));
        CommandLineRun language = CommandLineRun.of("brief", INITIAL, "--out", folder.resolve("x.pdf").toString(),
                "--lang", "fr");
        assertEquals(2, language.exitCode, language.toString());
        assertFalse(Files.exists(folder.resolve("x.pdf")));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(pdf), left.toList(), "no part file is left behind");
        }
    }

    private Path write(String name, String plan) {
        Path pdf = folder.resolve(name);
        assertEquals(0, CommandLineRun.of("brief", plan, "--out", pdf.toString()).exitCode);
        return pdf;
    }

    private static String text(Path pdf) throws Exception {
        Path out = Files.createTempFile("brief", ".txt");
        try {
            run("pdftotext", "-layout", pdf.toString(), out.toString());
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Pages as pdftoppm renders them. */
    private int pages(Path pdf) throws Exception {
        Path pages = Files.createTempDirectory(folder, "pages");
        run("pdftoppm", "-r", "20", "-png", pdf.toString(), pages.resolve("page").toString());
        try (Stream<Path> files = Files.list(pages)) {
            return (int) files.filter(file -> file.toString().endsWith(".png")).count();
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }

    private static boolean installed(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "-v").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException missing) {
            return false;
        }
    }
}
