package org.cohortplanner.domain;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/** Residents per birth year: the base for cohort sizes and for weighting splits. */
public record PopulationTable(SortedMap<Integer, Long> peoplePerBirthYear) {
    public PopulationTable {
        Require.present(peoplePerBirthYear, "population table");
        TreeMap<Integer, Long> copy = new TreeMap<>();
        for (Map.Entry<Integer, Long> entry : peoplePerBirthYear.entrySet()) {
            Require.present(entry.getKey(), "birth year in population table");
            Require.present(entry.getValue(), "people born in " + entry.getKey());
            if (entry.getKey() < BirthCohortRange.EARLIEST_YEAR || entry.getKey() > BirthCohortRange.LATEST_YEAR) {
                throw new IllegalArgumentException("birth year " + entry.getKey() + " in the population table must lie "
                        + "between " + BirthCohortRange.EARLIEST_YEAR + " and " + BirthCohortRange.LATEST_YEAR);
            }
            Require.nonNegative(entry.getValue(), "people born in " + entry.getKey());
            copy.put(entry.getKey(), entry.getValue());
        }
        peoplePerBirthYear = Collections.unmodifiableSortedMap(copy);
    }

    public static PopulationTable empty() {
        return new PopulationTable(new TreeMap<>());
    }

    public boolean contains(int birthYear) {
        return peoplePerBirthYear.containsKey(birthYear);
    }

    public OptionalLong peopleBornIn(int birthYear) {
        Long people = peoplePerBirthYear.get(birthYear);
        return people == null ? OptionalLong.empty() : OptionalLong.of(people);
    }

    /** People born in the range; years missing from the table count as 0. */
    public long peopleBornIn(BirthCohortRange range) {
        return range.years().mapToLong(year -> peoplePerBirthYear.getOrDefault(year, 0L)).sum();
    }

    public boolean isEmpty() {
        return peoplePerBirthYear.isEmpty();
    }
}
