package org.cohortplanner.simulation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.cohortplanner.planning.Problem;

/**
 * The at-a-glance figures of a plan that the dashboard, the comparison of scenarios and the briefing report show:
 * who books, doses needed against doses usable, where and when people go short, how long people wait on each
 * opening night, and what is still wrong with the plan. Data only; the screens and commands write the words.
 *
 * @param eligible         people eligible over the cohorts that book
 * @param expectedBookings people expected to book (eligible × uptake)
 * @param brandWeeks       per brand and week (weeks start on Monday), doses needed and usable
 * @param regions          per region (in the schedule's order), shortage days and people short
 * @param regionDays       per region and day, what the provinces view colours by
 * @param nights           per opening night (date), the worst expected p95 wait of the windows opening that day
 * @param suspended        windows whose booking was suspended because their appointments were all booked
 * @param problems         the plan validator's problems (errors first)
 * @param seed             the seed of the simulated nights
 */
public record CampaignFigures(
        String planName,
        long eligible,
        long expectedBookings,
        List<BrandWeek> brandWeeks,
        List<RegionFigures> regions,
        List<RegionDay> regionDays,
        List<NightWait> nights,
        List<SuspendedWindow> suspended,
        List<Problem> problems,
        long seed) {

    public CampaignFigures {
        brandWeeks = List.copyOf(brandWeeks);
        regions = List.copyOf(regions);
        regionDays = List.copyOf(regionDays);
        nights = List.copyOf(nights);
        suspended = List.copyOf(suspended);
        problems = List.copyOf(problems);
    }

    /**
     * One brand in one week.
     *
     * @param firstDoses  first-dose appointments in the week
     * @param secondDoses second-dose appointments in the week
     * @param usable      doses of the brand that arrive in the week (by expected arrival)
     * @param peopleShort people of the week's appointments who got no dose
     */
    public record BrandWeek(String brand, LocalDate weekStart, long firstDoses, long secondDoses, long usable,
                            long peopleShort) {
        public long needed() {
            return firstDoses + secondDoses;
        }
    }

    /**
     * One region over the campaign.
     *
     * @param shortageDays days on which someone in the region got no dose of their brand
     * @param peopleShort  people who got no dose on their appointment day
     * @param dosesShort   doses lacking
     * @param population   the region's population from the plan (0 when the plan does not give it)
     */
    public record RegionFigures(String region, int shortageDays, long peopleShort, long dosesShort,
                                long population) {
    }

    /**
     * One region on one day, all brands together.
     *
     * @param firstDosesToDate first doses given in the region up to and including the day
     * @param given            doses given on the day
     * @param capacity         doses the region's sites could give on the day
     * @param stock            doses on hand and not held for anyone at the end of the day
     * @param peopleShort      people who got no dose on the day
     */
    public record RegionDay(String region, LocalDate day, long firstDosesToDate, long given, long capacity,
                            long stock, long peopleShort) {
    }

    /**
     * The worst window of one opening night.
     *
     * @param cohortId   the window with the longest p95 wait that night
     * @param cohortIds  every window opening that day, by opening time
     * @param p95Minutes expected p95 wait of those who got through, in minutes
     */
    public record NightWait(LocalDate date, String cohortId, String cohortName, LocalDateTime opens,
                            double p95Minutes, long booked, long neverGotThrough, List<String> cohortIds) {
        public NightWait {
            cohortIds = List.copyOf(cohortIds);
        }
    }

    /** A window whose booking was suspended at {@code at} because its appointments were all booked. */
    public record SuspendedWindow(String cohortId, String cohortName, LocalDateTime at) {
    }

    public long peopleShort() {
        return regions.stream().mapToLong(RegionFigures::peopleShort).sum();
    }

    public long dosesShort() {
        return regions.stream().mapToLong(RegionFigures::dosesShort).sum();
    }

    /** Days on which someone, somewhere, went short. */
    public int shortageDays() {
        return (int) regionDays.stream().filter(day -> day.peopleShort() > 0).map(RegionDay::day).distinct().count();
    }

    public long errors() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warnings() {
        return problems.size() - errors();
    }

    /** The night with the longest p95 wait. */
    public Optional<NightWait> worstNight() {
        return nights.stream().max((a, b) -> Double.compare(a.p95Minutes(), b.p95Minutes()));
    }

    public long neededDoses() {
        return brandWeeks.stream().mapToLong(BrandWeek::needed).sum();
    }

    public long usableDoses() {
        return brandWeeks.stream().mapToLong(BrandWeek::usable).sum();
    }

    public Optional<RegionFigures> region(String name) {
        return regions.stream().filter(region -> region.region().equals(name)).findFirst();
    }

    /** The region's days, in order. */
    public List<RegionDay> regionDays(String region) {
        return regionDays.stream().filter(day -> day.region().equals(region)).toList();
    }
}
