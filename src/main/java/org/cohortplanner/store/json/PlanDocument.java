package org.cohortplanner.store.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The plan file as Jackson sees it: one record per JSON object of docs/plan-format.md, every field nullable so that
 * the mapper, not Jackson, decides what is required and says so with the field's path. Dates, times, the zone and
 * enumerations are kept as text for the same reason: the mapper parses them and names the allowed values.
 */
final class PlanDocument {
    private PlanDocument() {
    }

    @JsonPropertyOrder({"formatVersion", "name", "description", "zone", "version", "settings", "population",
        "regions", "holidays", "brands", "deliveries", "transfers", "sites", "bookingSystem", "cohorts",
        "allocationRules", "intervalPolicies"})
    record PlanJson(
            Integer formatVersion,
            String name,
            String description,
            String zone,
            Long version,
            SettingsJson settings,
            Map<String, Long> population,
            List<RegionJson> regions,
            List<HolidayJson> holidays,
            List<BrandJson> brands,
            List<DeliveryJson> deliveries,
            List<TransferJson> transfers,
            List<SiteJson> sites,
            BookingSystemJson bookingSystem,
            List<CohortJson> cohorts,
            List<AllocationRuleJson> allocationRules,
            List<IntervalPolicyJson> intervalPolicies) {
    }

    @JsonPropertyOrder({"id", "brands", "from", "appliesTo", "days", "exceptions", "note"})
    record IntervalPolicyJson(
            String id,
            List<String> brands,
            String from,
            String appliesTo,
            Integer days,
            List<GroupIntervalJson> exceptions,
            String note) {
    }

    @JsonPropertyOrder({"group", "days"})
    record GroupIntervalJson(String group, Integer days) {
    }

    @JsonPropertyOrder({"name", "people", "share", "estimate", "note"})
    record GroupJson(
            String name,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long people,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double share,
            Boolean estimate,
            String note) {
    }

    @JsonPropertyOrder({"reserveSecondDose", "noShowRate"})
    record SettingsJson(Boolean reserveSecondDose, Double noShowRate) {
    }

    @JsonPropertyOrder({"name", "population"})
    record RegionJson(String name, Long population) {
    }

    @JsonPropertyOrder({"date", "name"})
    record HolidayJson(String date, String name) {
    }

    @JsonPropertyOrder({"name", "dosesInCourse", "interval", "minimumAge", "platform", "siteKinds", "leadTimeDays"})
    record BrandJson(
            String name,
            Integer dosesInCourse,
            IntervalJson interval,
            Integer minimumAge,
            String platform,
            List<String> siteKinds,
            Integer leadTimeDays) {
    }

    @JsonPropertyOrder({"days", "minimumDays", "maximumDays"})
    record IntervalJson(Integer days, Integer minimumDays, Integer maximumDays) {
    }

    @JsonPropertyOrder({"id", "brand", "doses", "plannedArrival", "expectedArrival", "status", "note", "leadTimeDays",
        "allotment"})
    record DeliveryJson(
            String id,
            String brand,
            Long doses,
            String plannedArrival,
            String expectedArrival,
            String status,
            String note,
            Integer leadTimeDays,
            AllotmentJson allotment) {
    }

    @JsonPropertyOrder({"rule", "doses"})
    record AllotmentJson(String rule, Map<String, Long> doses) {
    }

    @JsonPropertyOrder({"id", "brand", "doses", "fromRegion", "toRegion", "shipped", "leadTimeDays", "note"})
    record TransferJson(
            String id,
            String brand,
            Long doses,
            String fromRegion,
            String toRegion,
            String shipped,
            Integer leadTimeDays,
            String note) {
    }

    @JsonPropertyOrder({"id", "cohortId", "regions", "firstDay", "lastDay", "brands", "exceptSiteGroups", "note"})
    record AllocationRuleJson(
            String id,
            String cohortId,
            List<String> regions,
            String firstDay,
            String lastDay,
            Map<String, Double> brands,
            List<String> exceptSiteGroups,
            String note) {
    }

    @JsonPropertyOrder({"name", "region", "kind", "dosesPerDay", "brands", "closedDays"})
    record SiteJson(
            String name,
            String region,
            String kind,
            Integer dosesPerDay,
            List<String> brands,
            List<String> closedDays) {
    }

    @JsonPropertyOrder({"peoplePerHour", "concurrentSessions", "sessionMinutes", "accessMultiplier",
        "capacityChanges", "waitingRoom", "overload", "night"})
    record BookingSystemJson(
            Double peoplePerHour,
            Integer concurrentSessions,
            Double sessionMinutes,
            Double accessMultiplier,
            List<CapacityChangeJson> capacityChanges,
            WaitingRoomJson waitingRoom,
            @JsonInclude(JsonInclude.Include.NON_NULL) OverloadJson overload,
            @JsonInclude(JsonInclude.Include.NON_NULL) NightJson night) {
    }

    @JsonPropertyOrder({"arrivalBurstShare", "arrivalBurstDecayMinutes", "arrivalQuarterHours", "sessionTimeKind",
        "sessionTimeSpread", "patienceKind", "stepSeconds"})
    record NightJson(
            Double arrivalBurstShare,
            Double arrivalBurstDecayMinutes,
            List<Double> arrivalQuarterHours,
            String sessionTimeKind,
            Double sessionTimeSpread,
            String patienceKind,
            Double stepSeconds) {
    }

    @JsonPropertyOrder({"concurrentRequests", "timeoutSeconds", "restartMinutes"})
    record OverloadJson(Long concurrentRequests, Double timeoutSeconds, Double restartMinutes) {
    }

    @JsonPropertyOrder({"at", "peoplePerHour", "concurrentSessions", "note"})
    record CapacityChangeJson(String at, Double peoplePerHour, Integer concurrentSessions, String note) {
    }

    @JsonPropertyOrder({"enabled", "admittedPerMinute", "order", "patienceMinutes", "retryProbability",
        "retryDelayMinutes"})
    record WaitingRoomJson(
            Boolean enabled,
            Integer admittedPerMinute,
            String order,
            Double patienceMinutes,
            Double retryProbability,
            Double retryDelayMinutes) {
    }

    @JsonPropertyOrder({"id", "name", "birthYears", "birthDayDigits", "eligible", "uptake", "window",
        "vaccinationPeriod", "brands", "parentId", "status", "groups"})
    record CohortJson(
            String id,
            String name,
            BirthYearsJson birthYears,
            List<Integer> birthDayDigits,
            Long eligible,
            Double uptake,
            WindowJson window,
            PeriodJson vaccinationPeriod,
            Map<String, Double> brands,
            String parentId,
            String status,
            List<GroupJson> groups) {
    }

    @JsonPropertyOrder({"first", "last"})
    record BirthYearsJson(Integer first, Integer last) {
    }

    @JsonPropertyOrder({"opens", "closes", "reservationCap"})
    record WindowJson(String opens, String closes, @JsonInclude(JsonInclude.Include.NON_NULL) Long reservationCap) {
    }

    @JsonPropertyOrder({"firstDay", "lastDay"})
    record PeriodJson(String firstDay, String lastDay) {
    }
}
