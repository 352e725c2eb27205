package org.cohortplanner.store.json;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.AllotmentRule;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.CapacityChange;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.GroupInterval;
import org.cohortplanner.domain.IntervalBasis;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Holiday;
import org.cohortplanner.domain.NightAssumptions;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanLimits;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.Platform;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.SiteKind;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;
import org.cohortplanner.planning.CampaignLimits;
import org.cohortplanner.store.json.PlanDocument.BirthYearsJson;
import org.cohortplanner.store.json.PlanDocument.BookingSystemJson;
import org.cohortplanner.store.json.PlanDocument.AllocationRuleJson;
import org.cohortplanner.store.json.PlanDocument.AllotmentJson;
import org.cohortplanner.store.json.PlanDocument.BrandJson;
import org.cohortplanner.store.json.PlanDocument.CapacityChangeJson;
import org.cohortplanner.store.json.PlanDocument.CohortJson;
import org.cohortplanner.store.json.PlanDocument.GroupIntervalJson;
import org.cohortplanner.store.json.PlanDocument.GroupJson;
import org.cohortplanner.store.json.PlanDocument.IntervalPolicyJson;
import org.cohortplanner.store.json.PlanDocument.DeliveryJson;
import org.cohortplanner.store.json.PlanDocument.TransferJson;
import org.cohortplanner.store.json.PlanDocument.HolidayJson;
import org.cohortplanner.store.json.PlanDocument.IntervalJson;
import org.cohortplanner.store.json.PlanDocument.NightJson;
import org.cohortplanner.store.json.PlanDocument.OverloadJson;
import org.cohortplanner.store.json.PlanDocument.PeriodJson;
import org.cohortplanner.store.json.PlanDocument.PlanJson;
import org.cohortplanner.store.json.PlanDocument.RegionJson;
import org.cohortplanner.store.json.PlanDocument.SettingsJson;
import org.cohortplanner.store.json.PlanDocument.SiteJson;
import org.cohortplanner.store.json.PlanDocument.WaitingRoomJson;
import org.cohortplanner.store.json.PlanDocument.WindowJson;

/**
 * Turns the file's records into the domain and back. Reading builds every domain object under the JSON path it
 * came from, so that a constructor's complaint ("doses of delivery X must not be negative") reaches the planner
 * with the place in the file. Plan-wide rules (unique ids, known brands) are checked here first for the same
 * reason; the Plan constructor checks them again.
 */
final class PlanMapper {
    static final int FORMAT_VERSION = 4;
    /** The version before interval policies and cohorts' named groups; still read (none of either). */
    static final int NIGHT_FORMAT_VERSION = 3;
    /** The version before lead times, regional allotments, transfers and allocation rules; still read. */
    static final int FIRST_FORMAT_VERSION = 1;
    /** The version before the windows' reservation caps and the booking night's assumptions (bookingSystem.night); still read (no window has a cap). */
    static final int REGIONAL_FORMAT_VERSION = 2;

    /** Minutes when the seconds are zero, as people write them; full precision otherwise so nothing is lost. */
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private PlanMapper() {
    }

    // ---- domain -> file ------------------------------------------------------------------------------------

    static PlanJson toDocument(Plan plan) {
        Map<String, Long> population = new LinkedHashMap<>();
        plan.population().peoplePerBirthYear().forEach((year, people) -> population.put(year.toString(), people));
        return new PlanJson(
                FORMAT_VERSION,
                plan.name(),
                plan.description(),
                plan.zone().getId(),
                plan.version(),
                new SettingsJson(plan.settings().reserveSecondDose(), plan.settings().noShowRate()),
                population,
                plan.regions().stream().map(r -> new RegionJson(r.name(), r.population())).toList(),
                plan.holidays().stream().map(h -> new HolidayJson(h.date().toString(), h.name())).toList(),
                plan.brands().stream().map(PlanMapper::brandDocument).toList(),
                plan.deliveries().stream().map(PlanMapper::deliveryDocument).toList(),
                plan.transfers().stream().map(PlanMapper::transferDocument).toList(),
                plan.sites().stream().map(PlanMapper::siteDocument).toList(),
                bookingSystemDocument(plan.bookingSystem()),
                cohortDocuments(plan.cohorts()),
                plan.allocationRules().stream().map(PlanMapper::ruleDocument).toList(),
                plan.intervalPolicies().stream().map(PlanMapper::policyDocument).toList());
    }

    private static IntervalPolicyJson policyDocument(IntervalPolicy policy) {
        return new IntervalPolicyJson(policy.id(), List.copyOf(policy.brands()), policy.from().toString(),
                policy.appliesTo().name(), policy.days(),
                policy.exceptions().stream().map(e -> new GroupIntervalJson(e.group(), e.days())).toList(),
                policy.note());
    }

    /**
     * A part whose parent is no longer in the plan is an ordinary cohort; it is written without the parentId, which
     * a file may only give when it names one of the plan's cohorts.
     */
    private static List<CohortJson> cohortDocuments(List<Cohort> cohorts) {
        Set<String> ids = cohorts.stream().map(Cohort::id).collect(Collectors.toSet());
        return cohorts.stream().map(c -> c.parentId() == null || ids.contains(c.parentId()) ? c
                : c.withParentId(null)).map(PlanMapper::cohortDocument).toList();
    }

    private static BrandJson brandDocument(VaccineBrand brand) {
        DoseInterval interval = brand.interval();
        return new BrandJson(brand.name(), brand.dosesInCourse(),
                new IntervalJson(interval.days(), interval.minimumDays(), interval.maximumDays()),
                brand.minimumAge(), brand.platform().name(), names(brand.siteKinds()), brand.leadTimeDays());
    }

    private static DeliveryJson deliveryDocument(Delivery delivery) {
        return new DeliveryJson(delivery.id(), delivery.brand(), delivery.doses(),
                delivery.plannedArrival().toString(), delivery.expectedArrival().toString(),
                delivery.status().name(), delivery.note(), delivery.leadTimeDays(),
                new AllotmentJson(delivery.allotment().rule().name(),
                        new LinkedHashMap<>(delivery.allotment().dosesByRegion())));
    }

    private static TransferJson transferDocument(Transfer transfer) {
        return new TransferJson(transfer.id(), transfer.brand(), transfer.doses(), transfer.fromRegion(),
                transfer.toRegion(), transfer.shipped().toString(), transfer.leadTimeDays(), transfer.note());
    }

    private static AllocationRuleJson ruleDocument(AllocationRule rule) {
        return new AllocationRuleJson(rule.id(), rule.cohortId(), List.copyOf(rule.regions()),
                rule.firstDay().toString(), rule.lastDay().toString(), new LinkedHashMap<>(rule.brands().shares()),
                List.copyOf(rule.exceptSiteGroups()), rule.note());
    }

    private static SiteJson siteDocument(SiteGroup site) {
        return new SiteJson(site.name(), site.region(), site.kind().name(), site.dosesPerDay(),
                List.copyOf(site.brands()), names(site.closedDays()));
    }

    private static BookingSystemJson bookingSystemDocument(BookingSystem system) {
        WaitingRoom room = system.waitingRoom();
        return new BookingSystemJson(system.peoplePerHour(), system.concurrentSessions(), system.sessionMinutes(),
                system.accessMultiplier(),
                system.capacityChanges().stream()
                        .map(c -> new CapacityChangeJson(dateTimeText(c.at()), c.peoplePerHour(),
                                c.concurrentSessions(), c.note()))
                        .toList(),
                new WaitingRoomJson(room.enabled(), room.admittedPerMinute(), room.order().name(),
                        room.patienceMinutes(), room.retryProbability(), room.retryDelayMinutes()),
                overloadDocument(system.overload()), nightDocument(system.night()));
    }

    private static NightJson nightDocument(NightAssumptions night) {
        return new NightJson(night.burstShare(), night.burstDecayMinutes(), List.copyOf(night.quarterHourShares()),
                night.sessionKind().name(), night.sessionSpread(), night.patienceKind().name(), night.stepSeconds());
    }

    private static OverloadJson overloadDocument(Overload overload) {
        return overload.enabled() ? new OverloadJson(overload.concurrentRequests(), overload.timeoutSeconds(),
                overload.restartMinutes()) : null;
    }

    private static CohortJson cohortDocument(Cohort cohort) {
        return new CohortJson(cohort.id(), cohort.name(),
                new BirthYearsJson(cohort.birthYears().firstYear(), cohort.birthYears().lastYear()),
                List.copyOf(cohort.birthDayDigits()), cohort.eligible(), cohort.uptake(),
                new WindowJson(dateTimeText(cohort.window().opens()), dateTimeText(cohort.window().closes()),
                        cohort.window().reservationCap()),
                new PeriodJson(cohort.vaccinationPeriod().firstDay().toString(),
                        cohort.vaccinationPeriod().lastDay().toString()),
                new LinkedHashMap<>(cohort.brands().shares()), cohort.parentId(), cohort.status().name(),
                cohort.groups().stream().map(g -> new GroupJson(g.name(), g.people(), g.share(), g.estimate(),
                        g.note())).toList());
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    static String dateTimeText(LocalDateTime time) {
        return time.getSecond() == 0 && time.getNano() == 0 ? time.format(MINUTES) : time.toString();
    }

    // ---- file -> domain ------------------------------------------------------------------------------------

    static Plan toPlan(PlanJson json) {
        JsonPath root = JsonPath.root();
        refuseFieldsNewerThanTheFile(json);
        String name = name(required(json.name(), root.field("name")), root.field("name"));
        String description = json.description() == null ? "" : text(json.description(), root.field("description"));
        ZoneId zone = zone(name(required(json.zone(), root.field("zone")), root.field("zone")), root.field("zone"));
        long version = json.version() == null ? 0 : json.version();
        if (version < 0) {
            throw new MappingFailure(root.field("version"), "version must not be negative, got " + version);
        }
        within(version, 0, PlanLimits.PLAN_VERSION, root.field("version"), "version");
        checkListLimits(json, root);
        PlanSettings settings = settings(json.settings(), root.field("settings"));
        PopulationTable population = population(json.population(), root.field("population"));
        List<Region> regions = list(json.regions(), root.field("regions"), PlanMapper::region);
        List<Holiday> holidays = list(json.holidays(), root.field("holidays"), PlanMapper::holiday);
        List<VaccineBrand> brands = list(json.brands(), root.field("brands"), PlanMapper::brand);
        List<Delivery> deliveries = list(json.deliveries(), root.field("deliveries"), PlanMapper::delivery);
        List<SiteGroup> sites = list(json.sites(), root.field("sites"), PlanMapper::site);
        BookingSystem bookingSystem = bookingSystem(required(json.bookingSystem(), root.field("bookingSystem")),
                root.field("bookingSystem"));
        List<Cohort> cohorts = list(json.cohorts(), root.field("cohorts"), PlanMapper::cohort);
        List<Transfer> transfers = list(json.transfers(), root.field("transfers"), PlanMapper::transfer);
        List<AllocationRule> rules = list(json.allocationRules(), root.field("allocationRules"), PlanMapper::rule);
        List<IntervalPolicy> policies = list(json.intervalPolicies(), root.field("intervalPolicies"),
                PlanMapper::policy);

        requireUnique(regions, Region::name, root.field("regions"), "name", "region name");
        requireUnique(brands, VaccineBrand::name, root.field("brands"), "name", "brand name");
        requireUnique(deliveries, Delivery::id, root.field("deliveries"), "id", "delivery id");
        requireUnique(sites, SiteGroup::name, root.field("sites"), "name", "site group name");
        requireUnique(cohorts, Cohort::id, root.field("cohorts"), "id", "cohort id");
        requireUnique(transfers, Transfer::id, root.field("transfers"), "id", "transfer id");
        requireUnique(rules, AllocationRule::id, root.field("allocationRules"), "id", "allocation rule id");
        requireUnique(policies, IntervalPolicy::id, root.field("intervalPolicies"), "id", "interval policy id");
        requireAllowedIntervals(policies, brands);
        requireKnownReferences(brands, regions, deliveries, sites, cohorts);
        requireKnownParents(cohorts);
        CampaignLimits.first(cohorts, brands, regions, sites).ifPresent(breach -> {
            JsonPath cohortsPath = root.field("cohorts");
            throw new MappingFailure(breach.cohortIndex() < 0 ? cohortsPath
                    : cohortsPath.index(breach.cohortIndex()).field(breach.field()), breach.detail());
        });
        Set<String> cohortIds = cohorts.stream().map(Cohort::id).collect(Collectors.toSet());
        for (int i = 0; i < rules.size(); i++) {
            if (!cohortIds.contains(rules.get(i).cohortId())) {
                throw new MappingFailure(root.field("allocationRules").index(i).field("cohortId"), "allocation rule "
                        + rules.get(i).id() + " refers to unknown cohort '" + rules.get(i).cohortId() + "'");
            }
        }

        return build(root, () -> new Plan(name, description, zone, cohorts, brands, deliveries, sites, bookingSystem,
                holidays, regions, population, settings, version, transfers, rules, policies));
    }

    /** A file of an older format version may not hold the fields later versions added. */
    private static void refuseFieldsNewerThanTheFile(PlanJson json) {
        if (json.formatVersion() != null && json.formatVersion() == FIRST_FORMAT_VERSION) {
            refuseNewerFields(json);
        }
        if (json.formatVersion() != null && json.formatVersion() < NIGHT_FORMAT_VERSION) {
            refuseReservationCaps(json);
        }
        if (json.formatVersion() != null && json.formatVersion() <= REGIONAL_FORMAT_VERSION
                && json.bookingSystem() != null && json.bookingSystem().night() != null) {
            throw newerField(JsonPath.root().field("bookingSystem").field("night"), NIGHT_FORMAT_VERSION,
                    json.formatVersion());
        }
        if (json.formatVersion() != null && json.formatVersion() <= NIGHT_FORMAT_VERSION) {
            refuseIntervalFields(json);
        }
    }

    /** Every list of the file within the format's limits, before any of it is read. */
    private static void checkListLimits(PlanJson json, JsonPath root) {
        atMost(json.regions(), PlanLimits.REGIONS, root.field("regions"), "regions");
        atMost(json.holidays(), PlanLimits.HOLIDAYS, root.field("holidays"), "holidays");
        atMost(json.brands(), PlanLimits.BRANDS, root.field("brands"), "brands");
        atMost(json.deliveries(), PlanLimits.DELIVERIES, root.field("deliveries"), "deliveries");
        atMost(json.sites(), PlanLimits.SITES, root.field("sites"), "site groups");
        atMost(json.cohorts(), PlanLimits.COHORTS, root.field("cohorts"), "cohorts");
        atMost(json.transfers(), PlanLimits.TRANSFERS, root.field("transfers"), "transfers");
        atMost(json.allocationRules(), PlanLimits.ALLOCATION_RULES, root.field("allocationRules"),
                "allocation rules");
        atMost(json.intervalPolicies(), PlanLimits.INTERVAL_POLICIES, root.field("intervalPolicies"),
                "interval policies");
        if (json.population() != null && json.population().size() > PlanLimits.POPULATION_YEARS) {
            throw new MappingFailure(root.field("population"), "the population table has "
                    + json.population().size() + " birth years; it holds at most " + PlanLimits.POPULATION_YEARS
                    + " (the plan format's limits)");
        }
    }

    /** Files before version 4 have no interval policies and no named groups: the label interval holds for all. */
    private static void refuseIntervalFields(PlanJson json) {
        if (json.intervalPolicies() != null) {
            throw newerField(JsonPath.root().field("intervalPolicies"), FORMAT_VERSION, json.formatVersion());
        }
        List<CohortJson> cohorts = json.cohorts() == null ? List.of() : json.cohorts();
        for (int i = 0; i < cohorts.size(); i++) {
            if (cohorts.get(i) != null && cohorts.get(i).groups() != null) {
                throw newerField(JsonPath.root().field("cohorts").index(i).field("groups"), FORMAT_VERSION,
                        json.formatVersion());
            }
        }
    }

    /** Each policy's brands are the plan's, and its days (and its groups' own) lie in each brand's allowed range. */
    private static void requireAllowedIntervals(List<IntervalPolicy> policies, List<VaccineBrand> brands) {
        Set<String> brandNames = brands.stream().map(VaccineBrand::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (int i = 0; i < policies.size(); i++) {
            IntervalPolicy policy = policies.get(i);
            JsonPath path = JsonPath.root().field("intervalPolicies").index(i);
            List<String> named = List.copyOf(policy.brands());
            for (int b = 0; b < named.size(); b++) {
                requireBrand(brandNames, named.get(b), path.field("brands").index(b),
                        "interval policy " + policy.id());
            }
            for (String name : named) {
                VaccineBrand brand = brands.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                if (!brand.needsSecondDose()) {
                    throw new MappingFailure(path.field("brands"), "interval policy " + policy.id() + " names "
                            + name + ", which has a single dose");
                }
                allowed(brand, policy.days(), path.field("days"), "interval policy " + policy.id());
                for (int e = 0; e < policy.exceptions().size(); e++) {
                    Integer days = policy.exceptions().get(e).days();
                    if (days != null) {
                        allowed(brand, days, path.field("exceptions").index(e).field("days"), "interval policy "
                                + policy.id() + " for group " + policy.exceptions().get(e).group());
                    }
                }
            }
        }
    }

    private static void allowed(VaccineBrand brand, int days, JsonPath path, String who) {
        DoseInterval interval = brand.interval();
        if (!interval.allows(days)) {
            throw new MappingFailure(path, who + " sets " + days + " days for " + brand.name() + ", outside its "
                    + "allowed " + interval.minimumDays() + "–" + interval.maximumDays() + " days (brands' interval)");
        }
    }

    private static IntervalPolicy policy(IntervalPolicyJson json, JsonPath path) {
        String id = name(required(json.id(), path.field("id")), path.field("id"));
        List<String> brands = required(json.brands(), path.field("brands"));
        entriesAtMost(brands.size(), PlanLimits.BRANDS, path.field("brands"), "brands");
        for (int i = 0; i < brands.size(); i++) {
            name(entry(brands.get(i), path.field("brands").index(i)), path.field("brands").index(i));
        }
        LocalDate from = date(required(json.from(), path.field("from")), path.field("from"));
        IntervalBasis basis = constant(IntervalBasis.class, required(json.appliesTo(), path.field("appliesTo")),
                path.field("appliesTo"), "basis of an interval policy");
        int days = required(json.days(), path.field("days"));
        within(days, 0, PlanLimits.INTERVAL_DAYS, path.field("days"), "interval days");
        List<GroupIntervalJson> exceptionsJson = json.exceptions() == null ? List.of() : json.exceptions();
        entriesAtMost(exceptionsJson.size(), PlanLimits.POLICY_EXCEPTIONS, path.field("exceptions"), "exceptions");
        List<GroupInterval> exceptions = new ArrayList<>();
        for (int i = 0; i < exceptionsJson.size(); i++) {
            JsonPath exceptionPath = path.field("exceptions").index(i);
            GroupIntervalJson exception = entry(exceptionsJson.get(i), exceptionPath);
            String group = name(required(exception.group(), exceptionPath.field("group")),
                    exceptionPath.field("group"));
            if (exception.days() != null) {
                within(exception.days(), 0, PlanLimits.INTERVAL_DAYS, exceptionPath.field("days"), "interval days");
            }
            exceptions.add(build(exceptionPath, () -> new GroupInterval(group, exception.days())));
        }
        String note = json.note() == null ? null : text(json.note(), path.field("note"));
        return build(path, () -> new IntervalPolicy(id, new LinkedHashSet<>(brands), from, basis, days, exceptions,
                note));
    }

    private static List<CohortGroup> groups(List<GroupJson> json, JsonPath path) {
        if (json == null) {
            return List.of();
        }
        entriesAtMost(json.size(), PlanLimits.COHORT_GROUPS, path, "groups");
        List<CohortGroup> groups = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < json.size(); i++) {
            JsonPath groupPath = path.index(i);
            GroupJson group = entry(json.get(i), groupPath);
            String name = name(required(group.name(), groupPath.field("name")), groupPath.field("name"));
            if (!names.add(name)) {
                throw new MappingFailure(groupPath.field("name"), "the cohort names group " + name + " twice");
            }
            if (group.people() != null && group.people() >= 0) {
                within(group.people(), 0, PlanLimits.PEOPLE, groupPath.field("people"), "people of a group");
            }
            String note = group.note() == null ? null : text(group.note(), groupPath.field("note"));
            boolean estimate = group.estimate() != null && group.estimate();
            groups.add(build(groupPath, () -> new CohortGroup(name, group.people(), group.share(), estimate, note)));
        }
        return groups;
    }

    /**
     * A file of formatVersion 1 is read with the documented defaults (lead time 0, allotment in proportion to
     * appointments, no transfers, no rules); a field of version 2 in it means the version number is wrong.
     */
    private static void refuseNewerFields(PlanJson json) {
        JsonPath root = JsonPath.root();
        if (json.transfers() != null) {
            throw newerField(root.field("transfers"));
        }
        if (json.allocationRules() != null) {
            throw newerField(root.field("allocationRules"));
        }
        List<BrandJson> brands = json.brands() == null ? List.of() : json.brands();
        for (int i = 0; i < brands.size(); i++) {
            if (brands.get(i) != null && brands.get(i).leadTimeDays() != null) {
                throw newerField(root.field("brands").index(i).field("leadTimeDays"));
            }
        }
        List<DeliveryJson> deliveries = json.deliveries() == null ? List.of() : json.deliveries();
        for (int i = 0; i < deliveries.size(); i++) {
            DeliveryJson delivery = deliveries.get(i);
            if (delivery != null && delivery.leadTimeDays() != null) {
                throw newerField(root.field("deliveries").index(i).field("leadTimeDays"));
            }
            if (delivery != null && delivery.allotment() != null) {
                throw newerField(root.field("deliveries").index(i).field("allotment"));
            }
        }
    }

    private static MappingFailure newerField(JsonPath path) {
        return newerField(path, REGIONAL_FORMAT_VERSION, FIRST_FORMAT_VERSION);
    }

    private static MappingFailure newerField(JsonPath path, int needed, int found) {
        return new MappingFailure(path, "this field needs formatVersion " + needed
                + "; the file says formatVersion " + found);
    }

    /** Files before version 3 have no reservation caps: a window without one is limited by the dose budget alone. */
    private static void refuseReservationCaps(PlanJson json) {
        List<CohortJson> cohorts = json.cohorts() == null ? List.of() : json.cohorts();
        for (int i = 0; i < cohorts.size(); i++) {
            CohortJson cohort = cohorts.get(i);
            if (cohort != null && cohort.window() != null && cohort.window().reservationCap() != null) {
                throw newerField(JsonPath.root().field("cohorts").index(i).field("window").field("reservationCap"),
                        NIGHT_FORMAT_VERSION, json.formatVersion());
            }
        }
    }

    private static Transfer transfer(TransferJson json, JsonPath path) {
        String id = name(required(json.id(), path.field("id")), path.field("id"));
        String brand = name(required(json.brand(), path.field("brand")), path.field("brand"));
        long doses = required(json.doses(), path.field("doses"));
        if (doses >= 0) {
            within(doses, 0, PlanLimits.DOSES, path.field("doses"), "doses");
        }
        String from = name(required(json.fromRegion(), path.field("fromRegion")), path.field("fromRegion"));
        String to = name(required(json.toRegion(), path.field("toRegion")), path.field("toRegion"));
        LocalDate shipped = date(required(json.shipped(), path.field("shipped")), path.field("shipped"));
        int leadTime = json.leadTimeDays() == null ? 0 : leadTime(json.leadTimeDays(), path.field("leadTimeDays"));
        String note = json.note() == null ? null : text(json.note(), path.field("note"));
        return build(path, () -> new Transfer(id, brand, doses, from, to, shipped, leadTime, note));
    }

    private static AllocationRule rule(AllocationRuleJson json, JsonPath path) {
        String id = name(required(json.id(), path.field("id")), path.field("id"));
        String cohortId = name(required(json.cohortId(), path.field("cohortId")), path.field("cohortId"));
        List<String> regions = required(json.regions(), path.field("regions"));
        entriesAtMost(regions.size(), PlanLimits.REGIONS, path.field("regions"), "regions");
        for (int i = 0; i < regions.size(); i++) {
            name(entry(regions.get(i), path.field("regions").index(i)), path.field("regions").index(i));
        }
        LocalDate first = date(required(json.firstDay(), path.field("firstDay")), path.field("firstDay"));
        LocalDate last = date(required(json.lastDay(), path.field("lastDay")), path.field("lastDay"));
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > PlanLimits.ALLOCATION_RULE_DAYS) {
            throw new MappingFailure(path.field("lastDay"), "allocation rule " + id + " runs " + number(days)
                    + " days, from " + first + " to " + last + "; a rule runs at most " + PlanLimits.ALLOCATION_RULE_DAYS
                    + " days (the plan format's limits)");
        }
        JsonPath brandsPath = path.field("brands");
        Map<String, Double> shares = required(json.brands(), brandsPath);
        entriesAtMost(shares.size(), PlanLimits.BRANDS, brandsPath, "brands");
        shares.forEach((brand, share) -> {
            name(brand, brandsPath.field(brand));
            required(share, brandsPath.field(brand));
        });
        BrandAllocation brands = build(brandsPath, () -> new BrandAllocation(shares));
        List<String> except = json.exceptSiteGroups() == null ? List.of() : json.exceptSiteGroups();
        entriesAtMost(except.size(), PlanLimits.SITES, path.field("exceptSiteGroups"), "site groups");
        for (int i = 0; i < except.size(); i++) {
            JsonPath exceptPath = path.field("exceptSiteGroups").index(i);
            name(entry(except.get(i), exceptPath), exceptPath);
        }
        String note = json.note() == null ? null : text(json.note(), path.field("note"));
        return build(path, () -> new AllocationRule(id, cohortId, new LinkedHashSet<>(regions), first, last, brands,
                new LinkedHashSet<>(except), note));
    }

    private static Allotment allotment(AllotmentJson json, JsonPath path) {
        if (json == null) {
            return Allotment.BY_APPOINTMENTS;
        }
        AllotmentRule rule = constant(AllotmentRule.class, required(json.rule(), path.field("rule")),
                path.field("rule"), "allotment rule");
        Map<String, Long> doses = json.doses() == null ? Map.of() : json.doses();
        entriesAtMost(doses.size(), PlanLimits.REGIONS, path.field("doses"), "regions");
        doses.forEach((region, count) -> {
            JsonPath countPath = path.field("doses").field(region);
            name(region, countPath);
            if (required(count, countPath) >= 0) {
                within(count, 0, PlanLimits.DOSES, countPath, "doses allotted to " + region);
            }
        });
        return build(path, () -> new Allotment(rule, doses));
    }

    private static PlanSettings settings(SettingsJson json, JsonPath path) {
        if (json == null) {
            return PlanSettings.DEFAULT;
        }
        boolean reserve = json.reserveSecondDose() == null
                ? PlanSettings.DEFAULT.reserveSecondDose() : json.reserveSecondDose();
        double noShow = json.noShowRate() == null ? PlanSettings.DEFAULT.noShowRate() : json.noShowRate();
        return build(path, () -> new PlanSettings(reserve, noShow));
    }

    private static PopulationTable population(Map<String, Long> json, JsonPath path) {
        if (json == null) {
            return PopulationTable.empty();
        }
        TreeMap<Integer, Long> people = new TreeMap<>();
        for (Map.Entry<String, Long> entry : json.entrySet()) {
            JsonPath entryPath = path.field(entry.getKey());
            int year;
            try {
                year = Integer.parseInt(entry.getKey().strip());
            } catch (NumberFormatException e) {
                throw new MappingFailure(entryPath, "'" + entry.getKey() + "' is not a birth year; the population "
                        + "table maps birth years to people, e.g. \"1962\": 712000");
            }
            Long count = required(entry.getValue(), entryPath);
            if (people.put(year, count) != null) {
                throw new MappingFailure(entryPath, "birth year " + year + " appears twice");
            }
        }
        for (Map.Entry<String, Long> entry : json.entrySet()) {
            int year = Integer.parseInt(entry.getKey().strip());
            JsonPath entryPath = path.field(entry.getKey());
            if (year < PlanLimits.FIRST_YEAR - 50 || year > PlanLimits.LAST_YEAR) {
                throw new MappingFailure(entryPath, "birth year " + year + " is outside "
                        + (PlanLimits.FIRST_YEAR - 50) + "–" + PlanLimits.LAST_YEAR + " (the plan format's limits)");
            }
            if (entry.getValue() >= 0) {
                within(entry.getValue(), 0, PlanLimits.PEOPLE, entryPath, "people born " + year);
            }
        }
        return build(path, () -> new PopulationTable(people));
    }

    private static Region region(RegionJson json, JsonPath path) {
        String name = name(required(json.name(), path.field("name")), path.field("name"));
        long population = required(json.population(), path.field("population"));
        within(population, 0, PlanLimits.PEOPLE, path.field("population"), "population");
        return build(path, () -> new Region(name, population));
    }

    private static Holiday holiday(HolidayJson json, JsonPath path) {
        LocalDate date = date(required(json.date(), path.field("date")), path.field("date"));
        String name = json.name() == null ? null : name(json.name(), path.field("name"));
        return build(path, () -> new Holiday(date, name));
    }

    private static VaccineBrand brand(BrandJson json, JsonPath path) {
        String name = name(required(json.name(), path.field("name")), path.field("name"));
        int doses = required(json.dosesInCourse(), path.field("dosesInCourse"));
        within(doses, 1, PlanLimits.DOSES_IN_COURSE, path.field("dosesInCourse"), "doses in the course");
        DoseInterval interval;
        if (json.interval() == null && doses == 1) {
            interval = DoseInterval.NONE;
        } else {
            IntervalJson intervalJson = required(json.interval(), path.field("interval"));
            JsonPath intervalPath = path.field("interval");
            int days = required(intervalJson.days(), intervalPath.field("days"));
            int minimum = intervalJson.minimumDays() == null ? days : intervalJson.minimumDays();
            int maximum = intervalJson.maximumDays() == null ? days : intervalJson.maximumDays();
            within(days, 0, PlanLimits.INTERVAL_DAYS, intervalPath.field("days"), "interval days");
            within(minimum, 0, PlanLimits.INTERVAL_DAYS, intervalPath.field("minimumDays"), "minimum days");
            within(maximum, 0, PlanLimits.INTERVAL_DAYS, intervalPath.field("maximumDays"), "maximum days");
            interval = build(intervalPath, () -> new DoseInterval(days, minimum, maximum));
        }
        int minimumAge = required(json.minimumAge(), path.field("minimumAge"));
        within(minimumAge, 0, PlanLimits.MINIMUM_AGE, path.field("minimumAge"), "minimum age");
        Platform platform = constant(Platform.class, required(json.platform(), path.field("platform")),
                path.field("platform"), "platform");
        Set<SiteKind> siteKinds = constants(SiteKind.class, required(json.siteKinds(), path.field("siteKinds")),
                path.field("siteKinds"), "site kind");
        int leadTime = json.leadTimeDays() == null ? 0 : leadTime(json.leadTimeDays(), path.field("leadTimeDays"));
        return build(path, () -> new VaccineBrand(name, doses, interval, minimumAge, platform, siteKinds, leadTime));
    }

    private static Delivery delivery(DeliveryJson json, JsonPath path) {
        String id = name(required(json.id(), path.field("id")), path.field("id"));
        String brand = required(json.brand(), path.field("brand"));
        long doses = required(json.doses(), path.field("doses"));
        if (doses >= 0) {
            within(doses, 0, PlanLimits.DOSES, path.field("doses"), "doses");
        }
        String note = json.note() == null ? null : text(json.note(), path.field("note"));
        LocalDate planned = date(required(json.plannedArrival(), path.field("plannedArrival")),
                path.field("plannedArrival"));
        LocalDate expected = json.expectedArrival() == null ? planned
                : date(json.expectedArrival(), path.field("expectedArrival"));
        DeliveryStatus status = json.status() == null ? DeliveryStatus.PLANNED
                : constant(DeliveryStatus.class, json.status(), path.field("status"), "delivery status");
        Allotment allotment = allotment(json.allotment(), path.field("allotment"));
        Integer leadTime = json.leadTimeDays() == null ? null
                : leadTime(json.leadTimeDays(), path.field("leadTimeDays"));
        return build(path, () -> new Delivery(id, brand, doses, planned, expected, status, note, leadTime,
                allotment));
    }

    private static SiteGroup site(SiteJson json, JsonPath path) {
        String name = name(required(json.name(), path.field("name")), path.field("name"));
        String region = required(json.region(), path.field("region"));
        SiteKind kind = constant(SiteKind.class, required(json.kind(), path.field("kind")), path.field("kind"),
                "site kind");
        int dosesPerDay = required(json.dosesPerDay(), path.field("dosesPerDay"));
        if (dosesPerDay >= 0) {
            within(dosesPerDay, 0, PlanLimits.DOSES_PER_DAY, path.field("dosesPerDay"), "doses per day");
        }
        List<String> brands = required(json.brands(), path.field("brands"));
        for (int i = 0; i < brands.size(); i++) {
            entry(brands.get(i), path.field("brands").index(i));
        }
        Set<DayOfWeek> closedDays = json.closedDays() == null ? Set.of()
                : constants(DayOfWeek.class, json.closedDays(), path.field("closedDays"), "weekday");
        return build(path, () -> new SiteGroup(name, region, kind, dosesPerDay, new LinkedHashSet<>(brands),
                closedDays));
    }

    private static BookingSystem bookingSystem(BookingSystemJson json, JsonPath path) {
        double peoplePerHour = required(json.peoplePerHour(), path.field("peoplePerHour"));
        int sessions = required(json.concurrentSessions(), path.field("concurrentSessions"));
        double sessionMinutes = required(json.sessionMinutes(), path.field("sessionMinutes"));
        double accessMultiplier = json.accessMultiplier() == null ? 1.0 : json.accessMultiplier();
        atMost(json.capacityChanges(), PlanLimits.CAPACITY_CHANGES, path.field("capacityChanges"),
                "capacity changes");
        upTo(peoplePerHour, PlanLimits.PEOPLE_PER_HOUR, path.field("peoplePerHour"), "people per hour");
        upTo(sessions, PlanLimits.CONCURRENT_SESSIONS, path.field("concurrentSessions"), "concurrent sessions");
        if (sessionMinutes > 0 && (sessionMinutes < PlanLimits.SESSION_MINUTES_MIN
                || sessionMinutes > PlanLimits.SESSION_MINUTES_MAX)) {
            throw beyond(path.field("sessionMinutes"), "session minutes", number(PlanLimits.SESSION_MINUTES_MIN),
                    number(PlanLimits.SESSION_MINUTES_MAX), number(sessionMinutes));
        }
        upTo(accessMultiplier, PlanLimits.ACCESS_MULTIPLIER, path.field("accessMultiplier"), "access multiplier");
        List<CapacityChange> changes = list(json.capacityChanges(), path.field("capacityChanges"),
                PlanMapper::capacityChange);
        WaitingRoom waitingRoom = waitingRoom(required(json.waitingRoom(), path.field("waitingRoom")),
                path.field("waitingRoom"));
        Overload overload = json.overload() == null ? Overload.NONE
                : overload(json.overload(), path.field("overload"));
        NightAssumptions night = json.night() == null ? NightAssumptions.FORMAT_2_READING
                : night(json.night(), path.field("night"));
        return build(path, () -> new BookingSystem(peoplePerHour, sessions, sessionMinutes, accessMultiplier, changes,
                waitingRoom, overload, night));
    }

    /** Left-out fields of a night take the reading of version-2 files ({@link NightAssumptions#FORMAT_2_READING}). */
    private static NightAssumptions night(NightJson json, JsonPath path) {
        NightAssumptions old = NightAssumptions.FORMAT_2_READING;
        double burstShare = json.arrivalBurstShare() == null ? old.burstShare() : json.arrivalBurstShare();
        double decay = json.arrivalBurstDecayMinutes() == null ? old.burstDecayMinutes()
                : json.arrivalBurstDecayMinutes();
        upTo(decay, PlanLimits.WAITING_MINUTES, path.field("arrivalBurstDecayMinutes"), "arrival burst decay minutes");
        List<Double> table = json.arrivalQuarterHours() == null ? List.of() : json.arrivalQuarterHours();
        if (table.size() > NightAssumptions.QUARTER_HOURS) {
            throw new MappingFailure(path.field("arrivalQuarterHours"), "the arrival table has "
                    + number(table.size()) + " quarter hours; it holds at most "
                    + number(NightAssumptions.QUARTER_HOURS) + " (the plan format's limits)");
        }
        for (int i = 0; i < table.size(); i++) {
            entry(table.get(i), path.field("arrivalQuarterHours").index(i));
        }
        NightAssumptions.SessionKind sessionKind = json.sessionTimeKind() == null ? old.sessionKind()
                : constant(NightAssumptions.SessionKind.class, json.sessionTimeKind(), path.field("sessionTimeKind"),
                        "session time kind");
        double spread = json.sessionTimeSpread() == null ? old.sessionSpread() : json.sessionTimeSpread();
        upTo(spread, PlanLimits.SESSION_SPREAD, path.field("sessionTimeSpread"), "session time spread");
        NightAssumptions.PatienceKind patienceKind = json.patienceKind() == null ? old.patienceKind()
                : constant(NightAssumptions.PatienceKind.class, json.patienceKind(), path.field("patienceKind"),
                        "patience kind");
        double step = json.stepSeconds() == null ? old.stepSeconds() : json.stepSeconds();
        return build(path, () -> new NightAssumptions(burstShare, decay, table, sessionKind, spread, patienceKind,
                step));
    }

    private static Overload overload(OverloadJson json, JsonPath path) {
        long requests = required(json.concurrentRequests(), path.field("concurrentRequests"));
        double timeout = required(json.timeoutSeconds(), path.field("timeoutSeconds"));
        double restart = required(json.restartMinutes(), path.field("restartMinutes"));
        if (requests >= 0) {
            within(requests, 0, PlanLimits.CONCURRENT_REQUESTS, path.field("concurrentRequests"),
                    "concurrent requests");
        }
        upTo(timeout, PlanLimits.TIMEOUT_SECONDS, path.field("timeoutSeconds"), "timeout seconds");
        upTo(restart, PlanLimits.RESTART_MINUTES, path.field("restartMinutes"), "restart minutes");
        return build(path, () -> new Overload(requests, timeout, restart));
    }

    private static CapacityChange capacityChange(CapacityChangeJson json, JsonPath path) {
        LocalDateTime at = dateTime(required(json.at(), path.field("at")), path.field("at"));
        double peoplePerHour = required(json.peoplePerHour(), path.field("peoplePerHour"));
        int sessions = required(json.concurrentSessions(), path.field("concurrentSessions"));
        upTo(peoplePerHour, PlanLimits.PEOPLE_PER_HOUR, path.field("peoplePerHour"), "people per hour");
        upTo(sessions, PlanLimits.CONCURRENT_SESSIONS, path.field("concurrentSessions"), "concurrent sessions");
        String note = json.note() == null ? null : text(json.note(), path.field("note"));
        return build(path, () -> new CapacityChange(at, peoplePerHour, sessions, note));
    }

    private static WaitingRoom waitingRoom(WaitingRoomJson json, JsonPath path) {
        boolean enabled = required(json.enabled(), path.field("enabled"));
        int admitted = required(json.admittedPerMinute(), path.field("admittedPerMinute"));
        QueueOrder order = json.order() == null ? QueueOrder.FIFO
                : constant(QueueOrder.class, json.order(), path.field("order"), "queue order");
        double patience = required(json.patienceMinutes(), path.field("patienceMinutes"));
        double retryProbability = required(json.retryProbability(), path.field("retryProbability"));
        double retryDelay = required(json.retryDelayMinutes(), path.field("retryDelayMinutes"));
        upTo(admitted, PlanLimits.ADMITTED_PER_MINUTE, path.field("admittedPerMinute"), "admitted per minute");
        upTo(patience, PlanLimits.WAITING_MINUTES, path.field("patienceMinutes"), "patience minutes");
        upTo(retryDelay, PlanLimits.WAITING_MINUTES, path.field("retryDelayMinutes"), "retry delay minutes");
        return build(path, () -> new WaitingRoom(enabled, admitted, order, patience, retryProbability, retryDelay));
    }

    private static Cohort cohort(CohortJson json, JsonPath path) {
        String id = name(required(json.id(), path.field("id")), path.field("id"));
        String name = name(required(json.name(), path.field("name")), path.field("name"));
        JsonPath yearsPath = path.field("birthYears");
        BirthYearsJson yearsJson = required(json.birthYears(), yearsPath);
        int first = required(yearsJson.first(), yearsPath.field("first"));
        int last = required(yearsJson.last(), yearsPath.field("last"));
        BirthCohortRange birthYears = build(yearsPath, () -> new BirthCohortRange(first, last));
        List<Integer> digits = json.birthDayDigits() == null ? List.of() : json.birthDayDigits();
        for (int i = 0; i < digits.size(); i++) {
            entry(digits.get(i), path.field("birthDayDigits").index(i));
        }
        long eligible = required(json.eligible(), path.field("eligible"));
        if (eligible >= 0) {
            within(eligible, 0, PlanLimits.PEOPLE, path.field("eligible"), "eligible people");
        }
        double uptake = required(json.uptake(), path.field("uptake"));
        JsonPath windowPath = path.field("window");
        WindowJson windowJson = required(json.window(), windowPath);
        Long cap = windowJson.reservationCap();
        if (cap != null) {
            within(cap, 0, PlanLimits.PEOPLE, windowPath.field("reservationCap"), "reservation cap");
        }
        BookingWindow window = new BookingWindow(
                dateTime(required(windowJson.opens(), windowPath.field("opens")), windowPath.field("opens")),
                dateTime(required(windowJson.closes(), windowPath.field("closes")), windowPath.field("closes")),
                cap);
        JsonPath periodPath = path.field("vaccinationPeriod");
        PeriodJson periodJson = required(json.vaccinationPeriod(), periodPath);
        VaccinationPeriod period = new VaccinationPeriod(
                date(required(periodJson.firstDay(), periodPath.field("firstDay")), periodPath.field("firstDay")),
                date(required(periodJson.lastDay(), periodPath.field("lastDay")), periodPath.field("lastDay")));
        JsonPath brandsPath = path.field("brands");
        Map<String, Double> shares = required(json.brands(), brandsPath);
        shares.forEach((brand, share) -> required(share, brandsPath.field(brand)));
        BrandAllocation brands = build(brandsPath, () -> new BrandAllocation(shares));
        String parentId = json.parentId() == null ? null : name(json.parentId(), path.field("parentId"));
        CohortStatus status = json.status() == null ? CohortStatus.PLANNED
                : constant(CohortStatus.class, json.status(), path.field("status"), "cohort status");
        List<CohortGroup> groups = groups(json.groups(), path.field("groups"));
        return build(path, () -> new Cohort(id, name, birthYears, new LinkedHashSet<>(digits), eligible, uptake,
                window, period, brands, parentId, status, groups));
    }

    // ---- plan-wide checks ----------------------------------------------------------------------------------

    private static <T> void requireUnique(List<T> items, Function<T, String> key, JsonPath path,
                                          String field, String what) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer earlier = firstIndex.putIfAbsent(key.apply(items.get(i)), i);
            if (earlier != null) {
                throw new MappingFailure(path.index(i).field(field), "duplicate " + what + " '"
                        + key.apply(items.get(i)) + "' (also used by " + path.index(earlier) + ")");
            }
        }
    }

    private static void requireKnownReferences(List<VaccineBrand> brands, List<Region> regions,
                                               List<Delivery> deliveries, List<SiteGroup> sites,
                                               List<Cohort> cohorts) {
        Set<String> brandNames = brands.stream().map(VaccineBrand::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        JsonPath root = JsonPath.root();
        for (int i = 0; i < cohorts.size(); i++) {
            Cohort cohort = cohorts.get(i);
            for (String brand : cohort.brands().shares().keySet()) {
                requireBrand(brandNames, brand, root.field("cohorts").index(i).field("brands").field(brand),
                        "cohort " + cohort.name());
            }
        }
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            requireBrand(brandNames, delivery.brand(), root.field("deliveries").index(i).field("brand"),
                    "delivery " + delivery.id());
        }
        Set<String> regionNames = regions.stream().map(Region::name).collect(Collectors.toSet());
        for (int i = 0; i < sites.size(); i++) {
            SiteGroup site = sites.get(i);
            JsonPath sitePath = root.field("sites").index(i);
            List<String> siteBrands = List.copyOf(site.brands());
            for (int b = 0; b < siteBrands.size(); b++) {
                requireBrand(brandNames, siteBrands.get(b), sitePath.field("brands").index(b),
                        "site group " + site.name());
            }
            if (!regionNames.isEmpty() && !regionNames.contains(site.region())) {
                throw new MappingFailure(sitePath.field("region"), "site group " + site.name()
                        + " is in unknown region '" + site.region() + "'; the plan's regions are "
                        + regions.stream().map(Region::name).collect(Collectors.joining(", ")));
            }
        }
    }

    /** A part names the cohort it was split from; a parent that is not in the plan is a broken split. */
    private static void requireKnownParents(List<Cohort> cohorts) {
        Set<String> ids = cohorts.stream().map(Cohort::id).collect(Collectors.toSet());
        for (int i = 0; i < cohorts.size(); i++) {
            String parent = cohorts.get(i).parentId();
            if (parent != null && !ids.contains(parent)) {
                throw new MappingFailure(JsonPath.root().field("cohorts").index(i).field("parentId"), "cohort "
                        + cohorts.get(i).name() + " names '" + parent + "' as the cohort it was split from, but the "
                        + "plan has no cohort with that id");
            }
        }
    }

    private static void requireBrand(Set<String> brandNames, String brand, JsonPath path, String who) {
        if (!brandNames.contains(brand)) {
            throw new MappingFailure(path, who + " refers to unknown brand '" + brand + "'; "
                    + (brandNames.isEmpty() ? "the plan has no brands" : "the plan's brands are "
                    + String.join(", ", brandNames)));
        }
    }

    // ---- values ----------------------------------------------------------------------------------------------

    private static <T> T required(T value, JsonPath path) {
        if (value == null) {
            throw new MappingFailure(path, "required field is missing (or null)");
        }
        return value;
    }

    private static <T> T entry(T value, JsonPath path) {
        if (value == null) {
            throw new MappingFailure(path, "a list entry must not be null");
        }
        return value;
    }

    private static <T> T build(JsonPath path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
            throw new MappingFailure(path, e.getMessage());
        }
    }

    private static <J, T> List<T> list(List<J> items, JsonPath path, BiFunction<J, JsonPath, T> mapper) {
        if (items == null) {
            return List.of();
        }
        List<T> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            result.add(mapper.apply(entry(items.get(i), path.index(i)), path.index(i)));
        }
        return result;
    }

    // ---- limits (docs/plan-format.md, "Limits") ----------------------------------------------------------------

    private static void within(long value, long minimum, long maximum, JsonPath path, String what) {
        if (value < minimum || value > maximum) {
            throw beyond(path, what, number(minimum), number(maximum), Long.toString(value));
        }
    }

    private static void upTo(double value, double maximum, JsonPath path, String what) {
        if (value > maximum) {
            throw beyond(path, what, "0", number(maximum), number(value));
        }
    }

    static MappingFailure beyond(JsonPath path, String what, String minimum, String maximum, String value) {
        return new MappingFailure(path, what + " must be between " + minimum + " and " + maximum
                + " (the plan format's limits), got " + value);
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format("%,d", (long) value)
                : Double.toString(value);
    }

    private static void atMost(List<?> items, int maximum, JsonPath path, String what) {
        if (items != null && items.size() > maximum) {
            throw new MappingFailure(path, "the plan has " + number(items.size()) + " " + what + "; a plan holds at "
                    + "most " + number(maximum) + " (the plan format's limits)");
        }
    }

    private static void entriesAtMost(int size, int maximum, JsonPath path, String what) {
        if (size > maximum) {
            throw new MappingFailure(path, "this lists " + number(size) + " " + what + "; at most " + number(maximum)
                    + " are allowed here (the plan format's limits)");
        }
    }

    /** A lead time in days; a negative one is left to the record, which says so in its own words. */
    private static int leadTime(int days, JsonPath path) {
        if (days >= 0) {
            within(days, 0, PlanLimits.LEAD_TIME_DAYS, path, "lead time days");
        }
        return days;
    }

    /** A name or id: one line of plain text, at most {@link PlanLimits#NAME_LENGTH} characters. */
    static String name(String value, JsonPath path) {
        return plainText(value, path, PlanLimits.NAME_LENGTH, false);
    }

    /** A description or note: plain text, line breaks and tabs allowed. */
    static String text(String value, JsonPath path) {
        return plainText(value, path, PlanLimits.TEXT_LENGTH, true);
    }

    private static String plainText(String value, JsonPath path, int maximum, boolean lines) {
        if (value.length() > maximum) {
            throw new MappingFailure(path, "the text is " + number(value.length()) + " characters long; at most "
                    + number(maximum) + " are allowed here (the plan format's limits)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            String refused = refusedCharacter(c, lines);
            if (refused != null) {
                throw new MappingFailure(path, "character " + (i + 1) + " of the text is " + refused
                        + String.format(" (U+%04X)", (int) c) + "; names and texts must be plain text");
            }
        }
        return value;
    }

    private static String refusedCharacter(char c, boolean lines) {
        if (Character.isSurrogate(c)) {
            return "half of a character (a lone surrogate)";
        }
        if (lines && (c == '\n' || c == '\t' || c == '\r')) {
            return null;
        }
        if (Character.getType(c) == Character.CONTROL) {
            return "a control character";
        }
        if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C') {
            return "a text-direction control character";
        }
        if (c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF') {
            return "a character that is not text";
        }
        return null;
    }

    private static LocalDate inYears(LocalDate date, JsonPath path) {
        if (date.getYear() < PlanLimits.FIRST_YEAR || date.getYear() > PlanLimits.LAST_YEAR) {
            throw new MappingFailure(path, "the date " + date + " is outside the years " + PlanLimits.FIRST_YEAR
                    + "–" + PlanLimits.LAST_YEAR + " (the plan format's limits)");
        }
        return date;
    }

    private static ZoneId zone(String text, JsonPath path) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new MappingFailure(path, "'" + text + "' is not a time zone; use an IANA name such as Asia/Seoul");
        }
    }

    private static LocalDate date(String text, JsonPath path) {
        try {
            return inYears(LocalDate.parse(text), path);
        } catch (DateTimeParseException e) {
            throw new MappingFailure(path, "'" + text + "' is not a date; expected YYYY-MM-DD" + reason(e));
        }
    }

    private static LocalDateTime dateTime(String text, JsonPath path) {
        try {
            LocalDateTime time = LocalDateTime.parse(text);
            inYears(time.toLocalDate(), path);
            return time;
        } catch (DateTimeParseException e) {
            throw new MappingFailure(path, "'" + text + "' is not a date-time; expected YYYY-MM-DDTHH:MM in the "
                    + "plan's zone" + reason(e));
        }
    }

    /** The calendar's own reason ("Invalid value for DayOfMonth ... 32") when there is one. */
    private static String reason(DateTimeParseException e) {
        return e.getCause() == null || e.getCause().getMessage() == null ? "" : " (" + e.getCause().getMessage() + ")";
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text, JsonPath path, String what) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new MappingFailure(path, "'" + text + "' is not a " + what + "; allowed: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static <E extends Enum<E>> Set<E> constants(Class<E> type, List<String> texts, JsonPath path,
                                                        String what) {
        Set<E> result = new LinkedHashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            result.add(constant(type, entry(texts.get(i), path.index(i)), path.index(i), what));
        }
        return result;
    }
}
