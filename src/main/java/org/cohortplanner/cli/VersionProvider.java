package org.cohortplanner.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven writes into the jar's manifest; "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"Cohort Planner " + (version == null ? "development build" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
