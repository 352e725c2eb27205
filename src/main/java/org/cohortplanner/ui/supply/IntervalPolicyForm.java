package org.cohortplanner.ui.supply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.GroupInterval;
import org.cohortplanner.domain.IntervalBasis;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.ui.common.Texts;

/**
 * One interval policy as the "Dose intervals" editor shows it: an id, the brands it covers (those with a second dose),
 * the date it takes effect from, whether it counts from second doses due or first doses given, its interval in days,
 * what each named group of the plan does (follows the policy, is exempt, or has its own days) and a note.
 * {@link #problems} says, per field, what keeps it from being a policy of the plan, first of all days beyond what
 * the brands allow.
 */
public final class IntervalPolicyForm {
    static final String FIELD_ID = "id";
    static final String FIELD_BRANDS = "brands";
    static final String FIELD_FROM = "from";
    static final String FIELD_DAYS = "days";
    static final String FIELD_EXCEPTIONS = "exceptions";

    /** What a named group does under the policy. */
    public enum ExceptionKind { FOLLOWS, EXEMPT, OWN_DAYS }

    /** One named group's line: how it is treated and, for its own interval, the days. */
    public static final class GroupLine {
        private final String group;
        private final ObjectProperty<ExceptionKind> kind = new SimpleObjectProperty<>(this, "kind",
                ExceptionKind.FOLLOWS);
        private final StringProperty days = new SimpleStringProperty(this, "days", "");

        GroupLine(String group) {
            this.group = group;
        }

        public String group() {
            return group;
        }

        public ObjectProperty<ExceptionKind> kindProperty() {
            return kind;
        }

        public StringProperty daysProperty() {
            return days;
        }
    }

    private final Plan plan;
    private final String replacing;
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final Map<String, BooleanProperty> brands = new LinkedHashMap<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<IntervalBasis> basis = new SimpleObjectProperty<>(this, "basis",
            IntervalBasis.SECOND_DOSE_DUE);
    private final StringProperty days = new SimpleStringProperty(this, "days", "");
    private final List<GroupLine> groups = new ArrayList<>();
    private final StringProperty note = new SimpleStringProperty(this, "note", "");

    private IntervalPolicyForm(Plan plan, String replacing, Set<String> groupNames) {
        this.plan = plan;
        this.replacing = replacing;
        for (VaccineBrand brand : plan.brands()) {
            if (brand.needsSecondDose()) {
                brands.put(brand.name(), new SimpleBooleanProperty(this, brand.name()));
            }
        }
        groupNames.forEach(name -> groups.add(new GroupLine(name)));
    }

    /** The form of a policy of {@code plan}, for changing it. */
    static IntervalPolicyForm of(Plan plan, IntervalPolicy policy) {
        Set<String> names = groupNames(plan);
        policy.exceptions().forEach(exception -> names.add(exception.group()));
        IntervalPolicyForm form = new IntervalPolicyForm(plan, policy.id(), names);
        form.id.set(policy.id());
        policy.brands().forEach(brand -> {
            BooleanProperty chosen = form.brands.get(brand);
            if (chosen != null) {
                chosen.set(true);
            }
        });
        form.from.set(policy.from());
        form.basis.set(policy.appliesTo());
        form.days.set(Integer.toString(policy.days()));
        for (GroupLine line : form.groups) {
            policy.exceptionFor(line.group).ifPresent(exception -> {
                line.kind.set(exception.isExempt() ? ExceptionKind.EXEMPT : ExceptionKind.OWN_DAYS);
                line.days.set(exception.isExempt() ? "" : Integer.toString(exception.days()));
            });
        }
        form.note.set(policy.note());
        return form;
    }

    /** A new policy: a free id and, as its date, the first day of first doses of the plan; no brand yet. */
    static IntervalPolicyForm proposal(Plan plan) {
        IntervalPolicyForm form = new IntervalPolicyForm(plan, null, groupNames(plan));
        int next = plan.intervalPolicies().size() + 1;
        while (isTaken(plan, "policy-" + next)) {
            next++;
        }
        form.id.set("policy-" + next);
        plan.cohorts().stream().map(cohort -> cohort.vaccinationPeriod().firstDay()).min(LocalDate::compareTo)
                .ifPresent(form.from::set);
        return form;
    }

    private static boolean isTaken(Plan plan, String policyId) {
        return plan.intervalPolicies().stream().anyMatch(policy -> policy.id().equals(policyId));
    }

    /** Names of the named groups of every cohort of the plan, in alphabetical order. */
    static Set<String> groupNames(Plan plan) {
        Set<String> names = new TreeSet<>();
        for (Cohort cohort : plan.cohorts()) {
            cohort.groups().stream().map(CohortGroup::name).forEach(names::add);
        }
        return names;
    }

    /** Every input, for listening to changes. */
    List<Observable> inputs() {
        List<Observable> inputs = new ArrayList<>(List.of(id, from, basis, days, note));
        inputs.addAll(brands.values());
        groups.forEach(line -> {
            inputs.add(line.kind);
            inputs.add(line.days);
        });
        return inputs;
    }

    /** The brands ticked, in the plan's order. */
    List<String> chosenBrands() {
        return brands.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    /** The days every chosen brand allows, lowest and highest; empty when none is chosen or they have none common. */
    Optional<int[]> allowed() {
        int lowest = Integer.MIN_VALUE;
        int highest = Integer.MAX_VALUE;
        List<String> chosen = chosenBrands();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        for (String name : chosen) {
            VaccineBrand brand = plan.brand(name).orElseThrow();
            lowest = Math.max(lowest, brand.interval().minimumDays());
            highest = Math.min(highest, brand.interval().maximumDays());
        }
        return Optional.of(new int[] {lowest, highest});
    }

    /** "Allowed: Pfizer 21–42 days, Moderna 28–42 days (label 21, 28)", from the brands chosen. */
    String allowedText(Texts texts) {
        List<String> parts = new ArrayList<>();
        for (String name : chosenBrands()) {
            VaccineBrand brand = plan.brand(name).orElseThrow();
            parts.add(texts.get("policy.allowed.brand", name, brand.interval().minimumDays(),
                    brand.interval().maximumDays(), brand.interval().days()));
        }
        return parts.isEmpty() ? texts.get("policy.allowed.none") : texts.get("policy.allowed", String.join(", ",
                parts));
    }

    /**
     * What keeps the form from being a policy, per field ({@code FIELD_...}); empty when {@link #policy()} can be
     * made. Days beyond a chosen brand's allowed minimum and maximum are refused here, before the plan would refuse
     * them.
     */
    Map<String, String> problems(Texts texts) {
        Map<String, String> found = new LinkedHashMap<>();
        String typedId = FormText.text(id.get());
        if (typedId.isEmpty()) {
            found.put(FIELD_ID, texts.get("policy.error.idEmpty"));
        } else if (!typedId.equals(replacing) && isTaken(plan, typedId)) {
            found.put(FIELD_ID, texts.get("policy.error.idTaken", typedId));
        }
        if (chosenBrands().isEmpty()) {
            found.put(FIELD_BRANDS, texts.get("policy.error.noBrand"));
        }
        if (from.get() == null) {
            found.put(FIELD_FROM, texts.get("policy.error.noDate"));
        }
        Integer interval = number(days.get());
        if (interval == null) {
            found.put(FIELD_DAYS, texts.get("policy.error.days", FormText.text(days.get())));
        } else {
            outside(interval).ifPresent(brand -> found.put(FIELD_DAYS, outsideText(brand, interval, null, texts)));
        }
        List<String> groupProblems = new ArrayList<>();
        for (GroupLine line : groups) {
            if (line.kind.get() != ExceptionKind.OWN_DAYS) {
                continue;
            }
            Integer own = number(line.days.get());
            if (own == null) {
                groupProblems.add(texts.get("policy.error.groupDays", line.group, FormText.text(line.days.get())));
            } else {
                outside(own).ifPresent(brand -> groupProblems.add(outsideText(brand, own, line.group, texts)));
            }
        }
        if (!groupProblems.isEmpty()) {
            found.put(FIELD_EXCEPTIONS, String.join("\n", groupProblems));
        }
        return found;
    }

    private Optional<VaccineBrand> outside(int interval) {
        return chosenBrands().stream().map(name -> plan.brand(name).orElseThrow())
                .filter(brand -> !brand.interval().allows(interval)).findFirst();
    }

    private static String outsideText(VaccineBrand brand, int interval, String group, Texts texts) {
        String limits = texts.get("policy.error.outside", brand.name(), interval, brand.interval().minimumDays(),
                brand.interval().maximumDays());
        return group == null ? limits : group + ": " + limits;
    }

    private static Integer number(String typed) {
        String digits = FormText.digits(typed);
        if (!digits.matches("\\d{1,4}")) {
            return null;
        }
        return Integer.parseInt(digits);
    }

    /** The policy as typed; only when {@link #problems} finds nothing. */
    IntervalPolicy policy() {
        List<GroupInterval> exceptions = new ArrayList<>();
        for (GroupLine line : groups) {
            if (line.kind.get() == ExceptionKind.EXEMPT) {
                exceptions.add(GroupInterval.exempt(line.group));
            } else if (line.kind.get() == ExceptionKind.OWN_DAYS) {
                exceptions.add(new GroupInterval(line.group, number(line.days.get())));
            }
        }
        return new IntervalPolicy(FormText.text(id.get()), new LinkedHashSet<>(chosenBrands()), from.get(),
                basis.get(), number(days.get()), exceptions, FormText.text(note.get()));
    }

    /** The id of the policy being changed, or null for a new one. */
    String replacing() {
        return replacing;
    }

    /** "6 weeks" for days that make whole weeks, empty otherwise. */
    static String weeks(String typed, Texts texts) {
        Integer days = number(typed);
        return days == null || days == 0 || days % 7 != 0 ? "" : texts.get("policy.weeks", days / 7);
    }

    public StringProperty idProperty() {
        return id;
    }

    /** A tick per brand with a second dose, in the plan's order. */
    public Map<String, BooleanProperty> brands() {
        return Collections.unmodifiableMap(brands);
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<IntervalBasis> basisProperty() {
        return basis;
    }

    public StringProperty daysProperty() {
        return days;
    }

    /** A line per named group of the plan (and per group the policy names that no cohort has). */
    public List<GroupLine> groups() {
        return Collections.unmodifiableList(groups);
    }

    /** The line of {@code group}, when the plan or the policy names it. */
    public Optional<GroupLine> group(String group) {
        return groups.stream().filter(line -> line.group.equals(group)).findFirst();
    }

    public StringProperty noteProperty() {
        return note;
    }
}
