package org.cohortplanner.export;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The sheets a plan's workbook can hold, in tab order, with the names used on the command line. */
public enum WorkbookSheet {
    COHORTS("cohorts", "Cohorts"),
    SCHEDULE("schedule", "Schedule"),
    CAPACITY("capacity", "Demand vs capacity"),
    DELIVERIES("deliveries", "Deliveries"),
    ALLOCATION_RULES("allocation-rules", "Allocation rules"),
    REGIONAL_STOCK("regional-stock", "Regional stock"),
    SIMULATION("simulation", "Simulation"),
    DOSE2_CHANGES("dose2-changes", "Dose-2 changes"),
    AUDIT("audit", "Audit");

    private final String option;
    private final String title;

    WorkbookSheet(String option, String title) {
        this.option = option;
        this.title = title;
    }

    /** The name used in {@code --sheets}. */
    public String option() {
        return option;
    }

    /** The tab name in the workbook. */
    public String title() {
        return title;
    }

    public static Set<WorkbookSheet> all() {
        return EnumSet.allOf(WorkbookSheet.class);
    }

    /**
     * Reads a comma-separated list such as {@code cohorts,schedule}.
     *
     * @throws IllegalArgumentException naming the unknown sheet and the known ones
     */
    public static Set<WorkbookSheet> parse(String list) {
        Set<WorkbookSheet> sheets = EnumSet.noneOf(WorkbookSheet.class);
        for (String part : list.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            sheets.add(Arrays.stream(values()).filter(sheet -> sheet.option.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown sheet '" + part.strip() + "'; known: "
                            + knownNames())));
        }
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("no sheets given; known: " + knownNames());
        }
        return sheets;
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(WorkbookSheet::option).collect(Collectors.joining(", "));
    }
}
