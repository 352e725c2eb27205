package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cohortplanner.domain.PlanLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest plan the format allows (docs/plan-format.md, "Limits") runs through every command in a child JVM with
 * {@code -Xmx512m}; the test prints each command's time and peak heap. It fails only when a command runs out of
 * memory, crashes or does not finish.
 */
public class LargestPlanTest {
    private static final String[] REGIONS = {"Seoul", "Busan", "Daegu", "Incheon", "Gwangju", "Daejeon", "Ulsan",
        "Sejong", "Gyeonggi", "Gangwon", "Chungbuk", "Chungnam", "Jeonbuk", "Jeonnam", "Gyeongbuk", "Gyeongnam",
        "Jeju"};

    @TempDir
    Path folder;

    /**
     * Every birth year 1921–2020 as its own cohort, 17 provinces, three brands (the longest interval 84 days), a
     * campaign of 14 days: 100 × 17 × 3 × 98 days = 499,800 schedule cells, just under the limit; the booking
     * windows add up to the 120 days allowed.
     */
    public static String largestPlan() {
        StringBuilder json = new StringBuilder();
        json.append("{\"formatVersion\": 1, \"name\": \"Largest plan\", \"description\": \"")
                .append("d".repeat(PlanLimits.TEXT_LENGTH)).append("\", \"zone\": \"Asia/Seoul\", \"population\": {");
        for (int year = 1921; year <= 2020; year++) {
            json.append(year == 1921 ? "" : ", ").append('"').append(year).append("\": 700000");
        }
        json.append("}, \"regions\": [");
        for (int r = 0; r < REGIONS.length; r++) {
            json.append(r == 0 ? "" : ", ").append("{\"name\": \"").append(REGIONS[r])
                    .append("\", \"population\": 3000000}");
        }
        json.append("], \"holidays\": [");
        for (int h = 0; h < PlanLimits.HOLIDAYS; h++) {
            json.append(h == 0 ? "" : ", ").append("{\"date\": \"").append(java.time.LocalDate.of(2021, 1, 1)
                    .plusDays(h * 7L)).append("\", \"name\": \"holiday ").append(h).append("\"}");
        }
        json.append("], \"brands\": [")
                .append("{\"name\": \"Pfizer\", \"dosesInCourse\": 2, \"interval\": {\"days\": 42, \"minimumDays\": 21,"
                        + " \"maximumDays\": 84}, \"minimumAge\": 0, \"platform\": \"MRNA\", \"siteKinds\": "
                        + "[\"VACCINATION_CENTRE\", \"CLINIC\"]}, ")
                .append("{\"name\": \"Moderna\", \"dosesInCourse\": 2, \"interval\": {\"days\": 28, \"minimumDays\": "
                        + "28, \"maximumDays\": 42}, \"minimumAge\": 0, \"platform\": \"MRNA\", \"siteKinds\": "
                        + "[\"VACCINATION_CENTRE\"]}, ")
                .append("{\"name\": \"Janssen\", \"dosesInCourse\": 1, \"minimumAge\": 0, \"platform\": \"VECTOR\", "
                        + "\"siteKinds\": [\"CLINIC\"]}], \"deliveries\": [");
        String[] brands = {"Pfizer", "Moderna", "Janssen"};
        for (int d = 0; d < PlanLimits.DELIVERIES; d++) {
            json.append(d == 0 ? "" : ", ").append("{\"id\": \"D").append(d).append("\", \"brand\": \"")
                    .append(brands[d % 3]).append("\", \"doses\": 100000, \"plannedArrival\": \"")
                    .append(java.time.LocalDate.of(2021, 6, 1).plusDays(d % 200)).append("\"}");
        }
        json.append("], \"sites\": [");
        for (int r = 0; r < REGIONS.length; r++) {
            json.append(r == 0 ? "" : ", ").append("{\"name\": \"").append(REGIONS[r]).append(" centres\", "
                    + "\"region\": \"").append(REGIONS[r]).append("\", \"kind\": \"VACCINATION_CENTRE\", "
                    + "\"dosesPerDay\": 40000, \"brands\": [\"Pfizer\", \"Moderna\"]}, ")
                    .append("{\"name\": \"").append(REGIONS[r]).append(" clinics\", \"region\": \"")
                    .append(REGIONS[r]).append("\", \"kind\": \"CLINIC\", \"dosesPerDay\": 30000, \"brands\": "
                            + "[\"Pfizer\", \"Janssen\"]}");
        }
        json.append("], \"bookingSystem\": {\"peoplePerHour\": 300000, \"concurrentSessions\": 25000, "
                + "\"sessionMinutes\": 5, \"accessMultiplier\": 6.7, \"waitingRoom\": {\"enabled\": true, "
                + "\"admittedPerMinute\": 5000, \"patienceMinutes\": 60, \"retryProbability\": 0.7, "
                + "\"retryDelayMinutes\": 30}}, \"cohorts\": [");
        java.time.LocalDateTime opens = java.time.LocalDateTime.of(2021, 6, 1, 20, 0);
        long windowMinutes = PlanLimits.TOTAL_WINDOW_DAYS * 1440L / 100;
        for (int c = 0; c < 100; c++) {
            int year = 1921 + c;
            java.time.LocalDateTime from = opens.plusMinutes(c * windowMinutes);
            json.append(c == 0 ? "" : ", ").append("{\"id\": \"c").append(year).append("\", \"name\": \"born ")
                    .append(year).append("\", \"birthYears\": {\"first\": ").append(year).append(", \"last\": ")
                    .append(year).append("}, \"eligible\": 700000, \"uptake\": 0.8, \"window\": {\"opens\": \"")
                    .append(from).append("\", \"closes\": \"").append(from.plusMinutes(windowMinutes))
                    .append("\"}, \"vaccinationPeriod\": {\"firstDay\": \"2021-07-01\", \"lastDay\": \"")
                    .append(java.time.LocalDate.of(2021, 7, 1).plusDays(13))
                    .append("\"}, \"brands\": {\"Pfizer\": 0.5, \"Moderna\": 0.3, \"Janssen\": 0.2}}");
        }
        return json.append("]}\n").toString();
    }

    /**
     * The most cohorts a plan may have: 200 pairs of birth years from 1850–1851 to 2049–2050, each in ten parts by
     * the last digit of the birth day, one region and one two-dose brand, a vaccination period of 200 days: 2,000 × 1 × 1 × 243 days = 486,000
     * schedule cells; the booking windows (86 minutes each) add up to the 120 days allowed.
     */
    public static String mostCohorts() {
        StringBuilder json = new StringBuilder();
        json.append("{\"formatVersion\": 1, \"name\": \"Most cohorts\", \"zone\": \"Asia/Seoul\", "
                + "\"regions\": [{\"name\": \"Seoul\", \"population\": 9586195}], \"brands\": [{\"name\": "
                + "\"Pfizer\", \"dosesInCourse\": 2, \"interval\": {\"days\": 21, \"minimumDays\": 21, "
                + "\"maximumDays\": 42}, \"minimumAge\": 0, \"platform\": \"MRNA\", \"siteKinds\": "
                + "[\"VACCINATION_CENTRE\"]}], \"deliveries\": [{\"id\": \"D0\", \"brand\": \"Pfizer\", "
                + "\"doses\": 50000000, \"plannedArrival\": \"2021-06-01\"}], \"sites\": [{\"name\": \"Seoul "
                + "centres\", \"region\": \"Seoul\", \"kind\": \"VACCINATION_CENTRE\", \"dosesPerDay\": 200000, "
                + "\"brands\": [\"Pfizer\"]}], \"bookingSystem\": {\"peoplePerHour\": 300000, "
                + "\"concurrentSessions\": 25000, \"sessionMinutes\": 5, \"waitingRoom\": {\"enabled\": false, "
                + "\"admittedPerMinute\": 0, \"patienceMinutes\": 60, \"retryProbability\": 0.7, "
                + "\"retryDelayMinutes\": 30}}, \"cohorts\": [");
        java.time.LocalDateTime opens = java.time.LocalDateTime.of(2021, 6, 1, 20, 0);
        long windowMinutes = PlanLimits.TOTAL_WINDOW_DAYS * 1440L / PlanLimits.COHORTS;
        for (int c = 0; c < PlanLimits.COHORTS; c++) {
            int year = 1850 + c / 10;
            java.time.LocalDateTime from = opens.plusMinutes(c * windowMinutes);
            json.append(c == 0 ? "" : ", ").append("{\"id\": \"c").append(c).append("\", \"name\": \"born ")
                    .append(year).append(" digit ").append(c % 10).append("\", \"birthYears\": {\"first\": ")
                    .append(year).append(", \"last\": ").append(year + 1).append("}, \"birthDayDigits\": [")
                    .append(c % 10).append("], \"eligible\": 70000, \"uptake\": 0.8, \"window\": {\"opens\": \"")
                    .append(from).append("\", \"closes\": \"").append(from.plusMinutes(windowMinutes))
                    .append("\"}, \"vaccinationPeriod\": {\"firstDay\": \"2021-07-01\", \"lastDay\": \"")
                    .append(java.time.LocalDate.of(2021, 7, 1).plusDays(199))
                    .append("\"}, \"brands\": {\"Pfizer\": 1.0}}");
        }
        return json.append("]}\n").toString();
    }

    @Test
    void everyCommandRunsTheLargestPlanInHalfAGigabyte() throws IOException, InterruptedException {
        runEveryCommand("every birth year × every province", largestPlan(), "born 1960", "--by-birth-day-digit",
                "2");
    }

    @Test
    void everyCommandRunsThePlanWithTheMostCohortsInHalfAGigabyte() throws IOException, InterruptedException {
        // The slip leaves all 2,000 cohorts short: later periods are tried for the three losing the most people.
        // Simulate and advise need each window's booking limit, the regional dose budget found by bisection over
        // walks of the cohorts that book before it: the 2,000 alike cohorts are walked as one (DoseBudget.alike).
        runEveryCommand("2,000 cohorts", mostCohorts(), "born 1960 digit 3", "--at-birth-year", "1961");
    }

    /** Commands that must answer 0; the others may also answer 1 (problems, shortages, no split meets the targets). */
    private static final Set<String> ONLY_ZERO = Set.of("simulate", "calibrate", "compare", "brief", "intervals");

    private void runEveryCommand(String shape, String text, String cohort, String... splitHow)
            throws IOException, InterruptedException {
        Path plan = folder.resolve("largest.json");
        Files.writeString(plan, text, StandardCharsets.UTF_8);
        // The same plan with one change, for compare: the first cohort's uptake.
        Path changed = folder.resolve("changed.json");
        Files.writeString(changed, text.replaceFirst("\"uptake\": 0.8", "\"uptake\": 0.75"), StandardCharsets.UTF_8);
        // What was seen on the window's night: people booked an hour after it opened.
        java.time.LocalDateTime opens = org.cohortplanner.store.json.PlanFiles.read(plan).cohorts().stream()
                .filter(c -> c.name().equals(cohort)).findFirst().orElseThrow().window().opens();
        Path observed = folder.resolve("observed.json");
        Files.writeString(observed, "{\"night\": \"" + cohort + "\", \"observations\": [{\"kind\": \"bookedBy\", "
                + "\"at\": \"" + opens.plusHours(1) + "\", \"value\": 20000, \"source\": \"made up for the test\"}]}\n",
                StandardCharsets.UTF_8);
        List<String[]> commands = new ArrayList<>(List.of(
                new String[] {"validate", plan.toString()},
                new String[] {"schedule", plan.toString()},
                new String[] {"schedule", "--json", plan.toString()},
                new String[] {"slip", "--delivery", "D0", "--to", "2021-09-01", plan.toString()},
                new String[] {"simulate", plan.toString()},
                new String[] {"advise", "--cohort", cohort, "--p95-wait", "30", plan.toString()},
                split(cohort, plan, splitHow),
                new String[] {"export", "--force", "--out", folder.resolve("largest.xlsx").toString(),
                    "--per-region", folder.resolve("regions").toString(), plan.toString()},
                new String[] {"calibrate", "--window", cohort, "--observed", observed.toString(), plan.toString()},
                new String[] {"compare", plan.toString(), changed.toString()},
                new String[] {"brief", "--force", "--out", folder.resolve("largest.pdf").toString(), plan.toString()},
                new String[] {"intervals", plan.toString()}));
        System.out.printf("Largest plan, %s: %,d bytes%n", shape, Files.size(plan));
        for (String[] command : commands) {
            List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    ChildRun.class.getName()));
            line.addAll(List.of(command));
            Path out = folder.resolve("out.txt");
            Path err = folder.resolve("err.txt");
            long started = System.nanoTime();
            Process child = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean finished = child.waitFor(10, TimeUnit.MINUTES);
            if (!finished) {
                child.destroyForcibly();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String errors = Files.readString(err);
            String peak = errors.lines().filter(l -> l.startsWith("peak heap")).findFirst().orElse("peak heap ?");
            System.out.printf("  %-9s %6.1f s  %s  exit %s  (%,d bytes of output)%n", command[0], seconds, peak,
                    finished ? child.exitValue() : "-", Files.size(out));
            assertTrue(finished, String.join(" ", command) + " did not finish");
            if (command[0].equals("split")) {
                // The largest plans are at the limits: a split of one of their cohorts would go beyond them (more
                // cohorts, a larger schedule), so split refuses it and says which limit, after making it on paper.
                assertTrue(child.exitValue() == 2 && errors.contains("would take the plan beyond the plan format's "
                        + "limits"), String.join(" ", command) + ": exit " + child.exitValue() + "\n" + errors);
                continue;
            }
            Set<Integer> allowed = ONLY_ZERO.contains(command[0]) ? Set.of(0) : Set.of(0, 1);
            assertTrue(allowed.contains(child.exitValue()), String.join(" ", command) + ": exit "
                    + child.exitValue() + "\n" + errors);
        }
    }

    private String[] split(String cohort, Path plan, String... how) {
        List<String> args = new ArrayList<>(List.of("split", "--cohort", cohort));
        args.addAll(List.of(how));
        args.addAll(List.of("--out", folder.resolve("split.json").toString(), plan.toString()));
        return args.toArray(String[]::new);
    }

    /** The command line in this JVM, then its peak heap on standard error. */
    public static final class ChildRun {
        public static void main(String[] args) {
            int exit = CohortPlannerCommand.commandLine(options -> { }).execute(args);
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.err.printf("peak heap %,d MB%n", peak / (1024 * 1024));
            System.exit(exit);
        }
    }
}
