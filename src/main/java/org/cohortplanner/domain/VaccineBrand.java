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
 * @param leadTimeDays  days from a delivery's arrival until its doses can be given at sites (national lot release
 *                      plus distribution); a delivery may override it
 */
public record VaccineBrand(
        String name,
        int dosesInCourse,
        DoseInterval interval,
        int minimumAge,
        Platform platform,
        Set<SiteKind> siteKinds,
        int leadTimeDays) {

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
        Require.nonNegative(leadTimeDays, "lead time of " + name);
    }

    /** A brand usable the day it arrives (lead time 0, as plans of formatVersion 1 are read). */
    public VaccineBrand(String name, int dosesInCourse, DoseInterval interval, int minimumAge, Platform platform,
                        Set<SiteKind> siteKinds) {
        this(name, dosesInCourse, interval, minimumAge, platform, siteKinds, 0);
    }

    public boolean needsSecondDose() {
        return dosesInCourse > 1;
    }

    public VaccineBrand withInterval(DoseInterval newInterval) {
        return new VaccineBrand(name, dosesInCourse, newInterval, minimumAge, platform, siteKinds, leadTimeDays);
    }

    public VaccineBrand withLeadTimeDays(int newLeadTimeDays) {
        return new VaccineBrand(name, dosesInCourse, interval, minimumAge, platform, siteKinds, newLeadTimeDays);
    }
}
