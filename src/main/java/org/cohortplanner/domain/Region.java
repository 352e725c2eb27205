package org.cohortplanner.domain;

/** A province or metropolitan city, with its share of the population used to spread appointments. */
public record Region(String name, long population) {
    public Region {
        name = Require.text(name, "region name");
        Require.nonNegative(population, "population of " + name);
    }
}
