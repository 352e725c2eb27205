package org.cohortplanner.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which region receives how much of a delivery: by a rule, or an explicit split in doses per region. An explicit
 * split that does not add up to the delivery's doses is representable so that the validator can report it.
 *
 * @param dosesByRegion doses per region name, in the order entered; empty unless the rule is {@code EXPLICIT}
 */
public record Allotment(AllotmentRule rule, Map<String, Long> dosesByRegion) {
    /** The reading of plans that say nothing: in proportion to appointments, decided when the schedule is built. */
    public static final Allotment BY_APPOINTMENTS = new Allotment(AllotmentRule.APPOINTMENTS, Map.of());
    public static final Allotment BY_POPULATION = new Allotment(AllotmentRule.POPULATION, Map.of());

    public Allotment {
        Require.present(rule, "allotment rule");
        Objects.requireNonNull(dosesByRegion, "doses by region");
        Map<String, Long> copy = new LinkedHashMap<>();
        dosesByRegion.forEach((region, doses) -> {
            Require.text(region, "region of an allotment");
            if (doses == null || doses < 0) {
                throw new IllegalArgumentException("doses allotted to " + region + " must not be negative, got "
                        + doses);
            }
            copy.put(region, doses);
        });
        if (rule != AllotmentRule.EXPLICIT && !copy.isEmpty()) {
            throw new IllegalArgumentException("only an explicit allotment lists doses per region");
        }
        dosesByRegion = Collections.unmodifiableMap(copy);
    }

    public static Allotment explicit(Map<String, Long> dosesByRegion) {
        return new Allotment(AllotmentRule.EXPLICIT, dosesByRegion);
    }

    public boolean isExplicit() {
        return rule == AllotmentRule.EXPLICIT;
    }

    public long explicitTotal() {
        return dosesByRegion.values().stream().mapToLong(Long::longValue).sum();
    }
}
