package org.cohortplanner.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.domain.VaccineBrand;

/**
 * What differs between two plans, item by item: cohorts (their birth years, people, uptake, period, brands),
 * booking windows, deliveries, allocation rules, transfers and the brands' dose intervals. Items are matched by id
 * (brands by name). Values are given as the plan file writes them, so that the screens and commands can show them
 * side by side; the words around them are theirs.
 */
public final class PlanDiff {

    /** The kind of item that differs. */
    public enum Part { COHORT, WINDOW, DELIVERY, ALLOCATION, TRANSFER, INTERVAL }

    /** Whether the item is only in the second plan, only in the first, or in both with another value. */
    public enum Change { ADDED, REMOVED, CHANGED }

    /**
     * @param item   the item's id (a brand's name for an interval)
     * @param name   the item's name as a planner reads it (a cohort's name; else the id)
     * @param field  the field that differs ({@code ""} when the whole item was added or removed)
     * @param before the first plan's value ({@code ""} when added)
     * @param after  the second plan's value ({@code ""} when removed)
     */
    public record Difference(Part part, Change change, String item, String name, String field, String before,
                             String after) {
        public Difference {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(change, "change");
        }
    }

    private PlanDiff() {
    }

    /** The differences from {@code first} to {@code second}, by part and then in the plans' order. */
    public static List<Difference> between(Plan first, Plan second) {
        List<Difference> differences = new ArrayList<>();
        compare(differences, Part.COHORT, first.cohorts(), second.cohorts(), Cohort::id, Cohort::name,
                PlanDiff::cohortFields);
        compare(differences, Part.WINDOW, first.cohorts(), second.cohorts(), Cohort::id, Cohort::name,
                PlanDiff::windowFields);
        differences.removeIf(d -> d.part() == Part.WINDOW && d.change() != Change.CHANGED);
        compare(differences, Part.DELIVERY, first.deliveries(), second.deliveries(), Delivery::id, Delivery::id,
                PlanDiff::deliveryFields);
        compare(differences, Part.ALLOCATION, first.allocationRules(), second.allocationRules(), AllocationRule::id,
                AllocationRule::id, PlanDiff::ruleFields);
        compare(differences, Part.TRANSFER, first.transfers(), second.transfers(), Transfer::id, Transfer::id,
                PlanDiff::transferFields);
        compare(differences, Part.INTERVAL, first.brands(), second.brands(), VaccineBrand::name, VaccineBrand::name,
                PlanDiff::intervalFields);
        return List.copyOf(differences);
    }

    private static <T> void compare(List<Difference> out, Part part, List<T> first, List<T> second,
                                    Function<T, String> id, Function<T, String> name,
                                    Function<T, Map<String, String>> fields) {
        Map<String, T> before = index(first, id);
        Map<String, T> after = index(second, id);
        for (Map.Entry<String, T> entry : before.entrySet()) {
            T other = after.get(entry.getKey());
            if (other == null) {
                out.add(new Difference(part, Change.REMOVED, entry.getKey(), name.apply(entry.getValue()), "",
                        summary(fields.apply(entry.getValue())), ""));
                continue;
            }
            Map<String, String> a = fields.apply(entry.getValue());
            Map<String, String> b = fields.apply(other);
            for (Map.Entry<String, String> field : a.entrySet()) {
                String changed = b.get(field.getKey());
                if (!Objects.equals(field.getValue(), changed)) {
                    out.add(new Difference(part, Change.CHANGED, entry.getKey(), name.apply(other), field.getKey(),
                            field.getValue(), changed));
                }
            }
        }
        for (Map.Entry<String, T> entry : after.entrySet()) {
            if (!before.containsKey(entry.getKey())) {
                out.add(new Difference(part, Change.ADDED, entry.getKey(), name.apply(entry.getValue()), "", "",
                        summary(fields.apply(entry.getValue()))));
            }
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            byId.putIfAbsent(id.apply(item), item);
        }
        return byId;
    }

    private static String summary(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((field, value) -> parts.add(field + "=" + value));
        return String.join("; ", parts);
    }

    private static Map<String, String> cohortFields(Cohort cohort) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", cohort.name());
        fields.put("birthYears", cohort.birthYears().firstYear() + "–" + cohort.birthYears().lastYear());
        fields.put("birthDayDigits", cohort.allBirthDays() ? "" : cohort.effectiveDigits().toString());
        fields.put("eligible", Long.toString(cohort.eligible()));
        fields.put("uptake", Double.toString(cohort.uptake()));
        fields.put("vaccinationPeriod", cohort.vaccinationPeriod().firstDay() + "/"
                + cohort.vaccinationPeriod().lastDay());
        fields.put("brands", cohort.brands().shares().toString());
        fields.put("status", cohort.status().name());
        return fields;
    }

    private static Map<String, String> windowFields(Cohort cohort) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("opens", String.valueOf(cohort.window().opens()));
        fields.put("closes", String.valueOf(cohort.window().closes()));
        fields.put("reservationCap", cohort.window().reservationCap() == null ? ""
                : cohort.window().reservationCap().toString());
        return fields;
    }

    private static Map<String, String> deliveryFields(Delivery delivery) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("brand", delivery.brand());
        fields.put("doses", Long.toString(delivery.doses()));
        fields.put("plannedArrival", String.valueOf(delivery.plannedArrival()));
        fields.put("expectedArrival", String.valueOf(delivery.expectedArrival()));
        fields.put("status", String.valueOf(delivery.status()));
        return fields;
    }

    private static Map<String, String> ruleFields(AllocationRule rule) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("cohort", rule.cohortId());
        fields.put("regions", new TreeSet<>(rule.regions()).toString());
        fields.put("days", rule.firstDay() + "/" + rule.lastDay());
        fields.put("brands", rule.brands().shares().toString());
        return fields;
    }

    private static Map<String, String> transferFields(Transfer transfer) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("brand", transfer.brand());
        fields.put("doses", Long.toString(transfer.doses()));
        fields.put("from", transfer.fromRegion());
        fields.put("to", transfer.toRegion());
        fields.put("shipped", String.valueOf(transfer.shipped()));
        return fields;
    }

    private static Map<String, String> intervalFields(VaccineBrand brand) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("interval", brand.dosesInCourse() < 2 || brand.interval() == null ? ""
                : brand.interval().days() + " (" + brand.interval().minimumDays() + "–"
                + brand.interval().maximumDays() + ")");
        return fields;
    }
}
