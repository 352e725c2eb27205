package org.cohortplanner.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints the test coverage of the product's code from JaCoCo's CSV report, one line per measure, at the end of
 * {@code mvn verify}. Run by the build (exec-maven-plugin), not by the tests; it prints and never fails the build.
 */
public final class CoverageSummary {
    private CoverageSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path report = Path.of(args.length > 0 ? args[0] : "target/site/jacoco/jacoco.csv");
        if (!Files.isRegularFile(report)) {
            System.out.println("Coverage: no report at " + report + " (were the tests skipped?)");
            return;
        }
        List<String> lines = Files.readAllLines(report);
        List<String> header = List.of(lines.get(0).split(","));
        String[] measures = {"LINE", "BRANCH", "INSTRUCTION"};
        for (String measure : measures) {
            int missedColumn = header.indexOf(measure + "_MISSED");
            int coveredColumn = header.indexOf(measure + "_COVERED");
            long missed = 0;
            long covered = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                missed += Long.parseLong(cells[missedColumn]);
                covered += Long.parseLong(cells[coveredColumn]);
            }
            long total = missed + covered;
            System.out.println(String.format(Locale.ROOT, "Coverage of src/main by the tests: %-11s %5.1f %% "
                    + "(%,d of %,d)", measure.toLowerCase(Locale.ROOT) + "s", total == 0 ? 0 : 100.0 * covered / total,
                    covered, total));
        }
    }
}
