package org.cohortplanner.ui.cohorts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.Texts;

/** Cohorts in words, for audit entries and the split preview: each field the planner can change, as text. */
final class CohortDescriptions {
    private CohortDescriptions() {
    }

    /** Field name → value, in the editor's order. */
    static Map<String, String> fields(Cohort cohort, Texts texts) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(texts.get("editor.name"), cohort.name());
        fields.put(texts.get("editor.birthYears"), cohort.birthYears().toString());
        fields.put(texts.get("editor.digits"), digits(cohort.birthDayDigits(), texts));
        fields.put(texts.get("editor.window"), window(cohort.window(), texts));
        fields.put(texts.get("editor.period"), Formats.period(cohort.vaccinationPeriod().firstDay(),
                cohort.vaccinationPeriod().lastDay(), texts.locale()));
        fields.put(texts.get("editor.eligible"), Formats.count(cohort.eligible(), texts.locale()));
        fields.put(texts.get("editor.reservationCap"), cohort.window().reservationCap() == null
                ? texts.get("editor.reservationCap.none")
                : Formats.count(cohort.window().reservationCap(), texts.locale()));
        fields.put(texts.get("editor.uptake"), Formats.percent(cohort.uptake(), texts.locale()));
        fields.put(texts.get("editor.brands"), Formats.shares(cohort.brands().shares(), texts.locale()));
        fields.put(texts.get("editor.status"), status(cohort, texts));
        return fields;
    }

    /** "50–54 (born 1967–1971, 3,807,034 people, Mon 19 Jul 2021 20:00 – Sat 24 Jul 2021 18:00)". */
    static String summary(Cohort cohort, Texts texts) {
        return texts.get("describe.cohort", cohort.name(), cohort.birthYears().toString(),
                digits(cohort.birthDayDigits(), texts), Formats.count(cohort.eligible(), texts.locale()),
                window(cohort.window(), texts));
    }

    /** "Seoul, Incheon · 26 Jul 2021 – 31 Jul 2021 · Pfizer 100 % · except Seoul Moderna-only clinics". */
    static String rule(AllocationRule rule, Texts texts) {
        String text = rule.id() + ": " + String.join(", ", rule.regions()) + " · " + Formats.period(rule.firstDay(),
                rule.lastDay(), texts.locale()) + " · " + Formats.shares(rule.brands().shares(), texts.locale());
        return rule.exceptSiteGroups().isEmpty() ? text
                : text + " · " + texts.get("rules.except", String.join(", ", rule.exceptSiteGroups()));
    }

    /** "school teachers: 2.5 % of eligible (95,176 people) · estimate"; the note is left out, it can be long. */
    static String group(CohortGroup group, long eligible, Texts texts) {
        String size = group.isCount()
                ? texts.get("groups.people", Formats.count(group.people(), texts.locale()))
                : texts.get("groups.share", CohortEditor.number(group.share() * 100),
                        Formats.count(group.peopleOf(eligible), texts.locale()));
        String text = texts.get("groups.line", group.name(), size);
        return group.estimate() ? text + " · " + texts.get("groups.estimate") : text;
    }

    /** A validator field ({@code Problem.FIELD_...}) in the planners' words. */
    static String fieldName(String field, Texts texts) {
        return switch (field) {
            case Problem.FIELD_BIRTH_YEARS -> texts.get("editor.birthYears");
            case Problem.FIELD_WINDOW -> texts.get("editor.window");
            case Problem.FIELD_VACCINATION_PERIOD -> texts.get("editor.period");
            case Problem.FIELD_BRANDS -> texts.get("editor.brands");
            case Problem.FIELD_ELIGIBLE -> texts.get("editor.eligible");
            case CohortEditor.FIELD_RESERVATION_CAP -> texts.get("editor.reservationCap");
            case Problem.FIELD_ALLOCATION_RULES -> texts.get("editor.rules");
            case Problem.FIELD_GROUPS -> texts.get("editor.groups");
            default -> ProblemTexts.of(texts.locale()).field(field);
        };
    }

    static String window(BookingWindow window, Texts texts) {
        return Formats.dateTime(window.opens(), texts.locale()) + " – "
                + Formats.dateTime(window.closes(), texts.locale());
    }

    static String digits(Set<Integer> digits, Texts texts) {
        return digits.isEmpty() || digits.size() == 10 ? texts.get("digits.every")
                : texts.get("digits.endingIn", CohortEditor.digitsText(digits));
    }

    static String status(Cohort cohort, Texts texts) {
        return texts.get("status." + cohort.status().name());
    }
}
