package org.cohortplanner.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A booking campaign as a planner sees it: who books when (cohorts), what is given (brands), what arrives when
 * (deliveries), where people are vaccinated (site groups), and the booking system they book through. Immutable:
 * every edit makes a new plan. Identifiers are unique and every brand a cohort, delivery or site group names is
 * one of the plan's brands; consistency rules that a planner may break while editing (overlapping windows,
 * shares not adding up) are the plan validator's, not this constructor's.
 *
 * @param zone    the zone of all wall-clock times in the plan (Asia/Seoul for the Korean campaign)
 * @param version         counts saved changes; a store refuses a save based on an older version
 * @param transfers       doses moved between regions, as the supply officer recorded them
 * @param allocationRules brand shares of a cohort for some regions and days, overriding the cohort's own
 * @param intervalPolicies dose intervals that change from a date, with exceptions for named groups, in plan order
 */
public record Plan(
        String name,
        String description,
        ZoneId zone,
        List<Cohort> cohorts,
        List<VaccineBrand> brands,
        List<Delivery> deliveries,
        List<SiteGroup> sites,
        BookingSystem bookingSystem,
        List<Holiday> holidays,
        List<Region> regions,
        PopulationTable population,
        PlanSettings settings,
        long version,
        List<Transfer> transfers,
        List<AllocationRule> allocationRules,
        List<IntervalPolicy> intervalPolicies) {

    public Plan {
        name = Require.text(name, "plan name");
        description = description == null ? "" : description;
        Require.present(zone, "time zone");
        Require.noNulls(cohorts, "cohorts");
        Require.noNulls(brands, "brands");
        Require.noNulls(deliveries, "deliveries");
        Require.noNulls(sites, "site groups");
        Require.present(bookingSystem, "booking system");
        Require.noNulls(holidays, "holidays");
        Require.noNulls(regions, "regions");
        Require.present(population, "population table");
        Require.present(settings, "settings");
        Require.nonNegative(version, "version");
        cohorts = List.copyOf(cohorts);
        brands = List.copyOf(brands);
        deliveries = List.copyOf(deliveries);
        sites = List.copyOf(sites);
        holidays = List.copyOf(holidays);
        regions = List.copyOf(regions);
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
        allocationRules = allocationRules == null ? List.of() : List.copyOf(allocationRules);
        intervalPolicies = intervalPolicies == null ? List.of() : List.copyOf(intervalPolicies);

        requireUnique(cohorts, Cohort::id, "cohort id");
        requireUnique(brands, VaccineBrand::name, "brand name");
        requireUnique(deliveries, Delivery::id, "delivery id");
        requireUnique(sites, SiteGroup::name, "site group name");
        requireUnique(regions, Region::name, "region name");
        requireUnique(transfers, Transfer::id, "transfer id");
        requireUnique(allocationRules, AllocationRule::id, "allocation rule id");
        requireUnique(intervalPolicies, IntervalPolicy::id, "interval policy id");
        requireKnownNames(cohorts, brands, deliveries, sites, regions, transfers, allocationRules, intervalPolicies);
    }

    /** Every brand and region the plan's parts name is one of the plan's, and every interval one its brand allows. */
    private static void requireKnownNames(List<Cohort> cohorts, List<VaccineBrand> brands, List<Delivery> deliveries,
            List<SiteGroup> sites, List<Region> regions, List<Transfer> transfers,
            List<AllocationRule> allocationRules, List<IntervalPolicy> intervalPolicies) {
        Set<String> brandNames = brands.stream().map(VaccineBrand::name).collect(Collectors.toSet());
        for (Cohort cohort : cohorts) {
            for (String brand : cohort.brands().shares().keySet()) {
                requireBrand(brandNames, brand, "cohort " + cohort.name());
            }
        }
        for (Delivery delivery : deliveries) {
            requireBrand(brandNames, delivery.brand(), "delivery " + delivery.id());
        }
        Set<String> regionNames = regions.stream().map(Region::name).collect(Collectors.toSet());
        for (SiteGroup site : sites) {
            for (String brand : site.brands()) {
                requireBrand(brandNames, brand, "site group " + site.name());
            }
            if (!regionNames.isEmpty() && !regionNames.contains(site.region())) {
                throw new IllegalArgumentException("site group " + site.name() + " is in unknown region '"
                        + site.region() + "'");
            }
        }
        for (Transfer transfer : transfers) {
            requireBrand(brandNames, transfer.brand(), "transfer " + transfer.id());
            requireRegion(regionNames, transfer.fromRegion(), "transfer " + transfer.id());
            requireRegion(regionNames, transfer.toRegion(), "transfer " + transfer.id());
        }
        for (AllocationRule rule : allocationRules) {
            for (String brand : rule.brands().shares().keySet()) {
                requireBrand(brandNames, brand, "allocation rule " + rule.id());
            }
            for (String region : rule.regions()) {
                requireRegion(regionNames, region, "allocation rule " + rule.id());
            }
        }
        for (Delivery delivery : deliveries) {
            for (String region : delivery.allotment().dosesByRegion().keySet()) {
                requireRegion(regionNames, region, "delivery " + delivery.id());
            }
        }
        for (IntervalPolicy policy : intervalPolicies) {
            for (String brand : policy.brands()) {
                requireBrand(brandNames, brand, "interval policy " + policy.id());
                VaccineBrand named = brands.stream().filter(b -> b.name().equals(brand)).findFirst().orElseThrow();
                requireAllowed(named, policy.days(), "interval policy " + policy.id());
                for (GroupInterval exception : policy.exceptions()) {
                    if (exception.days() != null) {
                        requireAllowed(named, exception.days(), "interval policy " + policy.id() + " for group "
                                + exception.group());
                    }
                }
            }
        }
    }

    /** A plan without interval policies (as plans before formatVersion 4 are read). */
    public Plan(String name, String description, ZoneId zone, List<Cohort> cohorts, List<VaccineBrand> brands,
                List<Delivery> deliveries, List<SiteGroup> sites, BookingSystem bookingSystem, List<Holiday> holidays,
                List<Region> regions, PopulationTable population, PlanSettings settings, long version,
                List<Transfer> transfers, List<AllocationRule> allocationRules) {
        this(name, description, zone, cohorts, brands, deliveries, sites, bookingSystem, holidays, regions, population,
                settings, version, transfers, allocationRules, List.of());
    }

    private static void requireAllowed(VaccineBrand brand, int days, String who) {
        if (!brand.needsSecondDose()) {
            throw new IllegalArgumentException(who + " sets an interval for " + brand.name()
                    + ", which has a single dose");
        }
        if (!brand.interval().allows(days)) {
            throw new IllegalArgumentException(who + " sets " + days + " days for " + brand.name()
                    + ", outside its allowed " + brand.interval().minimumDays() + "–" + brand.interval().maximumDays()
                    + " days");
        }
    }

    /** A plan without transfers or allocation rules (as plans of formatVersion 1 are read). */
    public Plan(String name, String description, ZoneId zone, List<Cohort> cohorts, List<VaccineBrand> brands,
                List<Delivery> deliveries, List<SiteGroup> sites, BookingSystem bookingSystem, List<Holiday> holidays,
                List<Region> regions, PopulationTable population, PlanSettings settings, long version) {
        this(name, description, zone, cohorts, brands, deliveries, sites, bookingSystem, holidays, regions, population,
                settings, version, List.of(), List.of(), List.of());
    }

    /** A plan with nothing in it yet, using the given booking system as a starting point. */
    public static Plan empty(String name, ZoneId zone, BookingSystem bookingSystem) {
        return new Plan(name, "", zone, List.of(), List.of(), List.of(), List.of(), bookingSystem, List.of(),
                List.of(), PopulationTable.empty(), PlanSettings.DEFAULT, 0);
    }

    private static <T> void requireUnique(List<T> items, Function<T, String> key, String what) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(key.apply(item))) {
                throw new IllegalArgumentException("duplicate " + what + " '" + key.apply(item) + "'");
            }
        }
    }

    private static void requireRegion(Set<String> regionNames, String region, String who) {
        if (!regionNames.contains(region)) {
            throw new IllegalArgumentException(who + " refers to unknown region '" + region + "'");
        }
    }

    private static void requireBrand(Set<String> brandNames, String brand, String who) {
        if (!brandNames.contains(brand)) {
            throw new IllegalArgumentException(who + " refers to unknown brand '" + brand + "'");
        }
    }

    public Optional<Cohort> cohort(String id) {
        return cohorts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Cohort> cohortNamed(String cohortName) {
        return cohorts.stream().filter(c -> c.name().equals(cohortName)).findFirst();
    }

    public Optional<VaccineBrand> brand(String brandName) {
        return brands.stream().filter(b -> b.name().equals(brandName)).findFirst();
    }

    public Optional<Delivery> delivery(String id) {
        return deliveries.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.stream().anyMatch(h -> h.date().equals(day));
    }

    public Plan withName(String newName) {
        return new Plan(newName, description, zone, cohorts, brands, deliveries, sites, bookingSystem, holidays,
                regions, population, settings, version, transfers,
                allocationRules, intervalPolicies);
    }

    public Plan withDescription(String newDescription) {
        return new Plan(name, newDescription, zone, cohorts, brands, deliveries, sites, bookingSystem, holidays,
                regions, population, settings, version, transfers,
                allocationRules, intervalPolicies);
    }

    /** Replaces the cohorts; allocation rules of cohorts no longer in the plan go with them. */
    public Plan withCohorts(List<Cohort> newCohorts) {
        Set<String> kept = newCohorts.stream().map(Cohort::id).collect(Collectors.toSet());
        return new Plan(name, description, zone, newCohorts, brands, deliveries, sites, bookingSystem, holidays,
                regions, population, settings, version, transfers,
                allocationRules.stream().filter(r -> kept.contains(r.cohortId())).toList(), intervalPolicies);
    }

    public Plan withBrands(List<VaccineBrand> newBrands) {
        return new Plan(name, description, zone, cohorts, newBrands, deliveries, sites, bookingSystem, holidays,
                regions, population, settings, version, transfers,
                allocationRules, intervalPolicies);
    }

    public Plan withDeliveries(List<Delivery> newDeliveries) {
        return new Plan(name, description, zone, cohorts, brands, newDeliveries, sites, bookingSystem, holidays,
                regions, population, settings, version, transfers,
                allocationRules, intervalPolicies);
    }

    public Plan withSites(List<SiteGroup> newSites) {
        return new Plan(name, description, zone, cohorts, brands, deliveries, newSites, bookingSystem, holidays,
                regions, population, settings, version, transfers,
                allocationRules, intervalPolicies);
    }

    public Plan withBookingSystem(BookingSystem newBookingSystem) {
        return new Plan(name, description, zone, cohorts, brands, deliveries, sites, newBookingSystem, holidays,
                regions, population, settings, version, transfers,
                allocationRules, intervalPolicies);
    }

    public Plan withHolidays(List<Holiday> newHolidays) {
        return new Plan(name, description, zone, cohorts, brands, deliveries, sites, bookingSystem, newHolidays,
                regions, population, settings, version, transfers,
                allocationRules, intervalPolicies);
    }

    public Plan withSettings(PlanSettings newSettings) {
        return new Plan(name, description, zone, cohorts, brands, deliveries, sites, bookingSystem, holidays,
                regions, population, newSettings, version, transfers,
                allocationRules, intervalPolicies);
    }

    public Plan withVersion(long newVersion) {
        return new Plan(name, description, zone, cohorts, brands, deliveries, sites, bookingSystem, holidays,
                regions, population, settings, newVersion, transfers,
                allocationRules, intervalPolicies);
    }

    public Plan withTransfers(List<Transfer> newTransfers) {
        return new Plan(name, description, zone, cohorts, brands, deliveries, sites, bookingSystem, holidays,
                regions, population, settings, version, newTransfers, allocationRules, intervalPolicies);
    }

    public Plan withAllocationRules(List<AllocationRule> newRules) {
        return new Plan(name, description, zone, cohorts, brands, deliveries, sites, bookingSystem, holidays,
                regions, population, settings, version, transfers, newRules, intervalPolicies);
    }

    /** The brand allocation rules that apply to the cohort with this id, in plan order. */
    public List<AllocationRule> allocationRulesOf(String cohortId) {
        return allocationRules.stream().filter(r -> r.cohortId().equals(cohortId)).toList();
    }

    /** Replaces the cohort with the same id. */
    public Plan withCohort(Cohort changed) {
        if (cohort(changed.id()).isEmpty()) {
            throw new IllegalArgumentException("no cohort with id " + changed.id());
        }
        return withCohorts(cohorts.stream().map(c -> c.id().equals(changed.id()) ? changed : c).toList());
    }

    /** Replaces the delivery with the same id. */
    public Plan withDelivery(Delivery changed) {
        if (delivery(changed.id()).isEmpty()) {
            throw new IllegalArgumentException("no delivery with id " + changed.id());
        }
        return withDeliveries(deliveries.stream().map(d -> d.id().equals(changed.id()) ? changed : d).toList());
    }

    public Plan withIntervalPolicies(List<IntervalPolicy> newPolicies) {
        return new Plan(name, description, zone, cohorts, brands, deliveries, sites, bookingSystem, holidays,
                regions, population, settings, version, transfers, allocationRules, newPolicies);
    }

    /** The policies that cover a brand, in the order they take effect (by date, then plan order). */
    public List<IntervalPolicy> intervalPoliciesOf(String brand) {
        return intervalPolicies.stream().filter(p -> p.covers(brand))
                .sorted(Comparator.comparing(IntervalPolicy::from)).toList();
    }

    /**
     * Days from a first dose of {@code brand} on {@code firstDose} to the second for someone of the named group
     * (null: no group): the label interval, changed by each policy that covers the dose in turn.
     */
    public int intervalDays(VaccineBrand brand, LocalDate firstDose, String group) {
        int days = brand.interval().days();
        for (IntervalPolicy policy : intervalPoliciesOf(brand.name())) {
            days = policy.daysFor(firstDose, days, group);
        }
        return days;
    }
}
