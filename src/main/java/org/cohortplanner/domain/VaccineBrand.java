package org.cohortplanner.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A vaccine product as planners handle it.
 *
 * @param dosesInCourse 1 for Janssen, 2 for the others in 2021
 * @param minimumAge    the youngest age it may be given to (AstraZeneca was restricted to 50+ in July 2021)
 * @param siteKinds     which kinds of site may give it
 */
public record VaccineBrand(
        String name,
        int dosesInCourse,
        DoseInterval interval,
        int minimumAge,
        Platform platform,
        Set<SiteKind> siteKinds) {

    public VaccineBrand {
        name = Require.text(name, "brand name");
        if (dosesInCourse < 1 || dosesInCourse > 4) {
            throw new IllegalArgumentException("doses in a course of " + name + " must be 1–4, got " + dosesInCourse);
        }
        Require.present(interval, "dose interval of " + name);
        if (dosesInCourse > 1 && interval.days() == 0) {
            throw new IllegalArgumentException(name + " has " + dosesInCourse + " doses but no dose interval");
        }
        Require.nonNegative(minimumAge, "minimum age of " + name);
        Require.present(platform, "platform of " + name);
        Require.noNulls(siteKinds, "site kinds of " + name);
        siteKinds = siteKinds.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(SiteKind.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(siteKinds));
    }

    public boolean needsSecondDose() {
        return dosesInCourse > 1;
    }

    public VaccineBrand withInterval(DoseInterval newInterval) {
        return new VaccineBrand(name, dosesInCourse, newInterval, minimumAge, platform, siteKinds);
    }
}
