package org.cohortplanner.ui.shell;

import java.util.Locale;

/** What a new console starts with, chosen on the first-run screen. */
public enum StartingPlan {
    /** The 2021 plan as announced in early July (sample-data/korea-2021-initial.json). */
    INITIAL_SAMPLE("initial", "/sample-data/korea-2021-initial.json"),
    /** The 2021 plan as it actually ran (sample-data/korea-2021-as-run.json). */
    AS_RUN_SAMPLE("asRun", "/sample-data/korea-2021-as-run.json"),
    /** No cohorts and no deliveries; the initial sample's brands, regions, population, sites and booking system. */
    EMPTY("empty", "/sample-data/korea-2021-initial.json");

    private final String textKey;
    private final String resource;

    StartingPlan(String textKey, String resource) {
        this.textKey = textKey;
        this.resource = resource;
    }

    /** The bundled plan file this start reads (for the empty plan: the one whose reference data it keeps). */
    public String resource() {
        return resource;
    }

    String textKey() {
        return textKey;
    }

    /** Node id of this choice on the first-run screen, shared with tests. */
    public String choiceId() {
        return "first-run-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
