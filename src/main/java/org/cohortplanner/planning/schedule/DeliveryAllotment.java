package org.cohortplanner.planning.schedule;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cohortplanner.domain.AllotmentRule;

/**
 * How one delivery reaches the regions in the schedule: whole doses per region (they add up to the delivery's doses
 * for a rule; an explicit split is as entered), usable from the day its lead time after arrival ends.
 *
 * @param rule          the delivery's allotment rule
 * @param dosesByRegion doses per region, in the order of the plan's regions
 */
public record DeliveryAllotment(String deliveryId, String brand, LocalDate usableFrom, AllotmentRule rule,
        Map<String, Long> dosesByRegion) {

    public DeliveryAllotment {
        dosesByRegion = Collections.unmodifiableMap(new LinkedHashMap<>(dosesByRegion));
    }

    public long doses(String region) {
        return dosesByRegion.getOrDefault(region, 0L);
    }
}
