package org.cohortplanner.ui.cohorts;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * One cohort as the cohort table shows it: values that sort as values (people, times, years), with the texts the
 * cells show beside them.
 *
 * @param ages   the ages its birth years reach in the year of the cohort's first vaccination day
 * @param locale the console's language, in which the texts are written
 */
public record CohortRow(
        String id,
        String name,
        BirthCohortRange birthYears,
        Ages ages,
        Set<Integer> birthDayDigits,
        long eligible,
        double uptake,
        LocalDateTime windowOpens,
        LocalDateTime windowCloses,
        VaccinationPeriod vaccinationPeriod,
        String brands,
        CohortStatus status,
        Locale locale) {

    static final Comparator<BirthCohortRange> BY_BIRTH_YEARS =
            Comparator.comparingInt(BirthCohortRange::firstYear).thenComparingInt(BirthCohortRange::lastYear);
    static final Comparator<VaccinationPeriod> BY_PERIOD =
            Comparator.comparing(VaccinationPeriod::firstDay).thenComparing(VaccinationPeriod::lastDay);

    /** Ages from youngest to oldest; sorts by the youngest. */
    public record Ages(int youngest, int oldest) implements Comparable<Ages> {
        @Override
        public int compareTo(Ages other) {
            return Comparator.comparingInt(Ages::youngest).thenComparingInt(Ages::oldest).compare(this, other);
        }

        @Override
        public String toString() {
            return Formats.range(youngest, oldest);
        }
    }

    static CohortRow of(Cohort cohort, Locale locale) {
        int vaccinationYear = cohort.vaccinationPeriod().firstDay().getYear();
        Ages ages = new Ages(cohort.birthYears().youngestAgeIn(vaccinationYear),
                cohort.birthYears().oldestAgeIn(vaccinationYear));
        return new CohortRow(cohort.id(), cohort.name(), cohort.birthYears(), ages, cohort.birthDayDigits(),
                cohort.eligible(), cohort.uptake(), cohort.window().opens(), cohort.window().closes(),
                cohort.vaccinationPeriod(), Formats.shares(cohort.brands().shares(), locale), cohort.status(),
                locale);
    }

    public String birthYearsText() {
        return birthYears.toString();
    }

    public String agesText() {
        return ages.toString();
    }

    public String birthDayDigitsText() {
        return Formats.birthDayDigits(birthDayDigits, locale);
    }

    public String eligibleText() {
        return Formats.count(eligible, locale);
    }

    public String uptakeText() {
        return Formats.percent(uptake, locale);
    }

    public String windowOpensText() {
        return Formats.shortDateTime(windowOpens, locale);
    }

    public String windowClosesText() {
        return Formats.shortDateTime(windowCloses, locale);
    }

    public String vaccinationPeriodText() {
        return Formats.shortPeriod(vaccinationPeriod.firstDay(), vaccinationPeriod.lastDay(), locale);
    }

    public String statusText() {
        return Texts.of(CohortRow.class, locale).get("status." + status.name());
    }
}
