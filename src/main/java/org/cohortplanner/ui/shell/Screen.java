package org.cohortplanner.ui.shell;

import java.util.Locale;

/** The console's screens, in the order of the navigation pane; Ctrl+0 … Ctrl+8 reach them. */
public enum Screen {
    DASHBOARD("Dashboard"),
    COHORTS("Cohorts"),
    TIMELINE("Timeline"),
    SUPPLY("Supply"),
    SIMULATION("Simulation"),
    EXPORT("Export"),
    AUDIT("Audit"),
    SCENARIOS("Scenarios"),
    PROVINCES("Provinces");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The digit that, with Ctrl, opens this screen. */
    public int shortcutDigit() {
        return ordinal();
    }

    /** Node id of the screen's content, shared with tests. */
    public String contentId() {
        return "screen-" + name().toLowerCase(Locale.ROOT);
    }

    /** Node id of the screen's entry in the navigation pane, shared with tests. */
    public String navigationId() {
        return "nav-" + name().toLowerCase(Locale.ROOT);
    }
}
