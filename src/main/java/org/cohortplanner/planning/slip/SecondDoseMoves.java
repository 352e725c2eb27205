package org.cohortplanner.planning.slip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.SecondDoseGroup;

/** The dose-2 moves: who must be told a new second-dose day or brand when a plan changes. */
final class SecondDoseMoves {

    private SecondDoseMoves() {
    }

    /**
     * People whose second dose differs between what they were told and what now holds, per cohort and region. People
     * keep their first-dose day where the new plan still has appointments on it (those who keep their brand first);
     * the rest are matched in the order of their first-dose appointments, so a group keeps its place in the queue.
     */
    static List<SecondDoseMove> between(Schedule told, Schedule now) {
        Map<String, List<SecondDoseGroup>> toldGroups = byCohortAndRegion(told.secondDoses());
        Map<String, List<SecondDoseGroup>> nowGroups = byCohortAndRegion(now.secondDoses());
        List<SecondDoseMove> moves = new ArrayList<>();
        for (Map.Entry<String, List<SecondDoseGroup>> entry : toldGroups.entrySet()) {
            List<SecondDoseGroup> was = entry.getValue();
            List<SecondDoseGroup> is = nowGroups.getOrDefault(entry.getKey(), List.of());
            long[] wasLeft = was.stream().mapToLong(SecondDoseGroup::people).toArray();
            long[] isLeft = is.stream().mapToLong(SecondDoseGroup::people).toArray();
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < was.size(); i++) {
                    for (int j = 0; j < is.size() && wasLeft[i] > 0; j++) {
                        boolean sameDay = was.get(i).firstDoseDay().equals(is.get(j).firstDoseDay());
                        boolean sameBrand = was.get(i).brand().equals(is.get(j).brand());
                        if (isLeft[j] > 0 && sameDay && (pass == 1 || sameBrand)) {
                            long people = Math.min(wasLeft[i], isLeft[j]);
                            record(moves, was.get(i), is.get(j), people);
                            wasLeft[i] -= people;
                            isLeft[j] -= people;
                        }
                    }
                }
            }
            // Groups are rounded one by one: a shortfall of at most a person a group is rounding, not people left
            // without a first dose.
            long unmatched = Arrays.stream(wasLeft).sum() - Arrays.stream(isLeft).sum();
            boolean rounding = unmatched <= was.size();
            int j = 0;
            for (int i = 0; i < was.size(); i++) {
                while (wasLeft[i] > 0) {
                    while (j < is.size() && isLeft[j] == 0) {
                        j++;
                    }
                    if (j == is.size() && rounding) {
                        break;
                    }
                    long people = j < is.size() ? Math.min(wasLeft[i], isLeft[j]) : wasLeft[i];
                    record(moves, was.get(i), j < is.size() ? is.get(j) : null, people);
                    wasLeft[i] -= people;
                    if (j < is.size()) {
                        isLeft[j] -= people;
                    }
                }
            }
        }
        return moves;
    }

    private static void record(List<SecondDoseMove> moves, SecondDoseGroup was, SecondDoseGroup is, long people) {
        if (is != null && was.secondDoseDay().equals(is.secondDoseDay()) && was.brand().equals(is.brand())) {
            return;
        }
        add(moves, new SecondDoseMove(was.cohortId(), was.group(), was.region(), people, was.brand(),
                was.firstDoseDay(),
                was.secondDoseDay(), is == null ? null : is.brand(), is == null ? null : is.firstDoseDay(),
                is == null ? null : is.secondDoseDay()));
    }

    private static void add(List<SecondDoseMove> moves, SecondDoseMove move) {
        if (!moves.isEmpty()) {
            SecondDoseMove last = moves.get(moves.size() - 1);
            if (last.cohortId().equals(move.cohortId()) && Objects.equals(last.group(), move.group())
                    && last.region().equals(move.region())
                    && last.brandBefore().equals(move.brandBefore())
                    && last.firstDoseBefore().equals(move.firstDoseBefore())
                    && last.secondDoseBefore().equals(move.secondDoseBefore())
                    && Objects.equals(last.brandAfter(), move.brandAfter())
                    && Objects.equals(last.firstDoseAfter(), move.firstDoseAfter())
                    && Objects.equals(last.secondDoseAfter(), move.secondDoseAfter())) {
                moves.set(moves.size() - 1, new SecondDoseMove(last.cohortId(), last.group(), last.region(),
                        last.people() + move.people(), last.brandBefore(), last.firstDoseBefore(),
                        last.secondDoseBefore(), last.brandAfter(), last.firstDoseAfter(), last.secondDoseAfter()));
                return;
            }
        }
        moves.add(move);
    }

    private static Map<String, List<SecondDoseGroup>> byCohortAndRegion(List<SecondDoseGroup> groups) {
        Map<String, List<SecondDoseGroup>> byKey = new LinkedHashMap<>();
        for (SecondDoseGroup group : groups) {
            if (group.people() > 0) {
                byKey.computeIfAbsent(group.cohortId() + "\u0000" + group.group() + "\u0000" + group.region(),
                        k -> new ArrayList<>()).add(group);
            }
        }
        byKey.values().forEach(list -> list.sort(Comparator.comparing(SecondDoseGroup::firstDoseDay)
                .thenComparing(SecondDoseGroup::brand)));
        return byKey;
    }
}
