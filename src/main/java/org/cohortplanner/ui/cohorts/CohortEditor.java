package org.cohortplanner.ui.cohorts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanLimits;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.PlanValidator;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.Texts;

/**
 * One cohort being created or edited, as the editor panel shows it: every field as the planner types it, and for each
 * field what is wrong with it. Text that cannot be read (a time of "25:00", letters for people) is reported on its
 * field and keeps the cohort from being saved; everything else is checked by the one {@link PlanValidator}, against
 * the plan as it would be with this cohort, and reported on the field the validator names. A cohort with validator
 * problems can still be saved: the plan keeps them visible in the problems list until they are mended.
 */
public final class CohortEditor {
    /** Fields the editor checks itself, beside the validator's {@code Problem.FIELD_...}. */
    public static final String FIELD_NAME = "name";
    public static final String FIELD_DIGITS = "birthDayDigits";
    public static final String FIELD_UPTAKE = "uptake";
    public static final String FIELD_RESERVATION_CAP = "reservationCap";

    private final Plan plan;
    private final Cohort original;
    private final boolean adding;
    private final Texts texts;
    private final ProblemTexts problemTexts;
    private final PlanValidator validator = new PlanValidator();

    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final ObjectProperty<Integer> firstYear = new SimpleObjectProperty<>(this, "firstYear");
    private final ObjectProperty<Integer> lastYear = new SimpleObjectProperty<>(this, "lastYear");
    private final StringProperty digits = new SimpleStringProperty(this, "digits");
    private final WindowInput window;
    private final ObjectProperty<LocalDate> firstDay = new SimpleObjectProperty<>(this, "firstDay");
    private final ObjectProperty<LocalDate> lastDay = new SimpleObjectProperty<>(this, "lastDay");
    private final StringProperty eligible = new SimpleStringProperty(this, "eligible");
    private final StringProperty reservationCap = new SimpleStringProperty(this, "reservationCap");
    private final StringProperty uptakePercent = new SimpleStringProperty(this, "uptakePercent");
    private final Map<String, StringProperty> sharePercents = new LinkedHashMap<>();
    private final ObjectProperty<CohortStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObservableMap<String, String> fieldProblems = FXCollections.observableHashMap();
    private final ObservableMap<String, String> readOnlyFieldProblems =
            FXCollections.unmodifiableObservableMap(fieldProblems);
    private final ReadOnlyStringWrapper sharesTotal = new ReadOnlyStringWrapper(this, "sharesTotal");
    private final ReadOnlyBooleanWrapper saveable = new ReadOnlyBooleanWrapper(this, "saveable");
    private final List<AllocationRule> originalRules;
    private final ObservableList<AllocationRule> rules = FXCollections.observableArrayList();
    private final ObservableList<AllocationRule> readOnlyRules = FXCollections.unmodifiableObservableList(rules);
    private final ObservableList<CohortGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<CohortGroup> readOnlyGroups = FXCollections.unmodifiableObservableList(groups);
    private Cohort edited;

    /**
     * @param cohort the cohort as it is in {@code plan}, or, when {@code adding}, a proposal for a new one that is
     *               not in the plan yet
     */
    CohortEditor(Plan plan, Cohort cohort, boolean adding, Texts texts) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.original = Objects.requireNonNull(cohort, "cohort");
        this.adding = adding;
        this.texts = Objects.requireNonNull(texts, "texts");
        this.problemTexts = ProblemTexts.of(texts.locale());
        name.set(cohort.name());
        firstYear.set(cohort.birthYears().firstYear());
        lastYear.set(cohort.birthYears().lastYear());
        digits.set(digitsText(cohort.birthDayDigits()));
        window = new WindowInput(cohort.window());
        firstDay.set(cohort.vaccinationPeriod().firstDay());
        lastDay.set(cohort.vaccinationPeriod().lastDay());
        eligible.set(Formats.count(cohort.eligible(), texts.locale()));
        reservationCap.set(cohort.window().reservationCap() == null ? ""
                : Formats.count(cohort.window().reservationCap(), texts.locale()));
        uptakePercent.set(number(cohort.uptake() * 100));
        for (VaccineBrand brand : plan.brands()) {
            sharePercents.put(brand.name(), new SimpleStringProperty(this, brand.name(),
                    number(cohort.brands().shareOf(brand.name()) * 100)));
        }
        // A brand the plan no longer lists still shows, so that the planner can take it away.
        cohort.brands().shares().forEach((brand, share) -> sharePercents.computeIfAbsent(brand,
                missing -> new SimpleStringProperty(this, missing, number(share * 100))));
        status.set(cohort.status());
        originalRules = adding ? List.of() : plan.allocationRulesOf(cohort.id());
        rules.setAll(originalRules);
        groups.setAll(cohort.groups());

        List<Observable> inputs = new ArrayList<>(List.of(name, firstYear, lastYear, digits, firstDay, lastDay,
                eligible, reservationCap, uptakePercent, status));
        inputs.addAll(window.fields());
        inputs.addAll(sharePercents.values());
        inputs.add(rules);
        inputs.add(groups);
        inputs.forEach(input -> input.addListener(changed -> check()));
        check();
    }

    /** Gives the whole allocation to {@code brand}: the "one brand" choice. */
    public void useOnly(String brand) {
        sharePercents.forEach((each, percent) -> percent.set(each.equals(brand) ? "100" : "0"));
    }

    /**
     * Reads every field, then checks the plan as it would be with the cohort. A field that cannot be read is checked
     * with its value from before, so that the validator's findings on the other fields still show.
     */
    private void check() {
        Map<String, String> unreadable = new LinkedHashMap<>();
        edited = read(unreadable);
        Map<String, String> found = new LinkedHashMap<>(unreadable);
        // The validator reports an overlap on the later of two cohorts; with this one last, that is this one.
        List<Cohort> othersFirst = new ArrayList<>(planWith(edited).cohorts());
        othersFirst.removeIf(cohort -> cohort.id().equals(edited.id()));
        othersFirst.add(edited);
        for (Problem problem : validator.validate(planWith(edited).withCohorts(othersFirst))) {
            if (edited.id().equals(problem.cohortId()) && !unreadable.containsKey(problem.field())) {
                // Problems of the rules name the rule they are on: the field holds several.
                String detail = problem.field().equals(Problem.FIELD_ALLOCATION_RULES)
                        ? problemTexts.subject(problem) + ": " + problemTexts.detail(problem) : problemTexts.detail(problem);
                found.merge(problem.field(), detail, (first, more) -> first + "; " + more);
            }
        }
        fieldProblems.keySet().retainAll(found.keySet());
        fieldProblems.putAll(found);
        saveable.set(unreadable.isEmpty());
    }

    /** The cohort as typed; a field that cannot be read keeps its value from before and is reported in found. */
    private Cohort read(Map<String, String> found) {
        String cohortName = name.get() == null ? "" : name.get().strip();
        if (cohortName.isEmpty()) {
            found.put(FIELD_NAME, texts.get("editor.error.nameMissing"));
        } else if (plan.cohorts().stream()
                .anyMatch(c -> c.name().equals(cohortName) && !c.id().equals(original.id()))) {
            found.put(FIELD_NAME, texts.get("editor.error.nameTaken", cohortName));
        }
        BirthCohortRange years = original.birthYears();
        if (firstYear.get() == null || lastYear.get() == null) {
            found.put(Problem.FIELD_BIRTH_YEARS, texts.get("editor.error.yearsMissing"));
        } else if (firstYear.get() > lastYear.get()) {
            found.put(Problem.FIELD_BIRTH_YEARS, texts.get("editor.error.yearsReversed",
                    String.valueOf(firstYear.get()), String.valueOf(lastYear.get())));
        } else if (firstYear.get() < BirthCohortRange.EARLIEST_YEAR || lastYear.get() > BirthCohortRange.LATEST_YEAR) {
            found.put(Problem.FIELD_BIRTH_YEARS, texts.get("editor.error.yearsOutside",
                    String.valueOf(BirthCohortRange.EARLIEST_YEAR), String.valueOf(BirthCohortRange.LATEST_YEAR)));
        } else {
            years = BirthCohortRange.of(firstYear.get(), lastYear.get());
        }
        Set<Integer> birthDayDigits = readDigits(digits.get(), found);
        LocalDateTime opens = readTime(window.opens(), window.opensDateProperty().get(),
                window.opensTimeProperty().get(), "editor.opens", found);
        LocalDateTime closes = readTime(window.closes(), window.closesDateProperty().get(),
                window.closesTimeProperty().get(), "editor.closes", found);
        if (firstDay.get() == null || lastDay.get() == null) {
            found.put(Problem.FIELD_VACCINATION_PERIOD, texts.get("editor.error.periodMissing"));
        }
        Long people = readPeople(found);
        Long cap = readCap(found);
        Double uptake = readPercent(uptakePercent.get(), FIELD_UPTAKE, texts.get("editor.uptake"), found);
        Map<String, Double> shares = new LinkedHashMap<>();
        double totalPercent = 0;
        boolean sharesRead = true;
        for (Map.Entry<String, StringProperty> share : sharePercents.entrySet()) {
            Double value = readPercent(share.getValue().get(), Problem.FIELD_BRANDS, share.getKey(), found);
            sharesRead &= value != null;
            if (value != null && value > 0) {
                shares.put(share.getKey(), value);
                totalPercent += value * 100;
            }
        }
        sharesTotal.set(texts.get("editor.sharesTotal", number(totalPercent)));
        return new Cohort(original.id(), cohortName.isEmpty() ? original.name() : cohortName, years,
                birthDayDigits == null ? original.birthDayDigits() : birthDayDigits, people == null
                ? original.eligible() : people, uptake == null ? original.uptake() : uptake,
                new BookingWindow(opens == null ? original.window().opens() : opens,
                        closes == null ? original.window().closes() : closes,
                        cap == null ? original.window().reservationCap() : cap.longValue() < 0 ? null : cap),
                new VaccinationPeriod(firstDay.get() == null ? original.vaccinationPeriod().firstDay() : firstDay.get(),
                        lastDay.get() == null ? original.vaccinationPeriod().lastDay() : lastDay.get()),
                sharesRead ? new BrandAllocation(shares) : original.brands(), original.parentId(),
                status.get() == null ? original.status() : status.get(), List.copyOf(groups));
    }

    private Set<Integer> readDigits(String text, Map<String, String> found) {
        Set<Integer> chosen = new TreeSet<>();
        String cleaned = text == null ? "" : text.strip();
        if (cleaned.isEmpty()) {
            return chosen;
        }
        for (String token : cleaned.split("[,\\s]+")) {
            String[] ends = token.split("[-–]");
            if (ends.length == 1 && token.matches("\\d")) {
                chosen.add(Integer.parseInt(token));
            } else if (ends.length == 2 && ends[0].matches("\\d") && ends[1].matches("\\d")
                    && ends[0].compareTo(ends[1]) <= 0) {
                for (int digit = Integer.parseInt(ends[0]); digit <= Integer.parseInt(ends[1]); digit++) {
                    chosen.add(digit);
                }
            } else {
                found.put(FIELD_DIGITS, texts.get("editor.error.digits", token));
                return null;
            }
        }
        return chosen;
    }

    private LocalDateTime readTime(Optional<LocalDateTime> read, LocalDate day, String time, String what,
                                   Map<String, String> found) {
        if (read.isEmpty()) {
            found.putIfAbsent(Problem.FIELD_WINDOW, day == null ? texts.get("editor.error.dateMissing", texts.get(what))
                    : texts.get("editor.error.time", texts.get(what), time == null ? "" : time));
        }
        return read.orElse(null);
    }

    private Long readPeople(Map<String, String> found) {
        String cleaned = eligible.get() == null ? "" : eligible.get().replaceAll("[,\\s_]", "");
        try {
            long people = Long.parseLong(cleaned);
            if (people < 0) {
                found.put(Problem.FIELD_ELIGIBLE, texts.get("editor.error.peopleNegative"));
                return null;
            }
            return people;
        } catch (NumberFormatException unreadable) {
            found.put(Problem.FIELD_ELIGIBLE, texts.get("editor.error.people", eligible.get()));
            return null;
        }
    }

    /**
     * The planners' reservation cap as typed: -1 for none (an empty field), null when it cannot be read (reported in
     * found, the cap from before is kept).
     */
    private Long readCap(Map<String, String> found) {
        String cleaned = reservationCap.get() == null ? "" : reservationCap.get().replaceAll("[,\\s_]", "");
        if (cleaned.isEmpty()) {
            return -1L;
        }
        try {
            long people = Long.parseLong(cleaned);
            if (people < 0) {
                found.put(FIELD_RESERVATION_CAP, texts.get("editor.error.peopleNegative"));
                return null;
            }
            if (people > PlanLimits.PEOPLE) {
                found.put(FIELD_RESERVATION_CAP, texts.get("editor.error.capTooLarge",
                        Formats.count(PlanLimits.PEOPLE, texts.locale())));
                return null;
            }
            return people;
        } catch (NumberFormatException unreadable) {
            found.put(FIELD_RESERVATION_CAP, texts.get("editor.error.people", reservationCap.get()));
            return null;
        }
    }

    /** A percentage 0–100 as a share 0–1. */
    private Double readPercent(String text, String field, String what, Map<String, String> found) {
        Double share = share(text);
        if (share == null) {
            found.putIfAbsent(field, texts.get("editor.error.percent", what, text));
        }
        return share;
    }

    /** A share 0–1 from a percentage 0–100 as typed ("40", "40 %"), 0 for nothing typed, null when unreadable. */
    static Double share(String typed) {
        String cleaned = typed == null ? "" : typed.replace("%", "").strip();
        if (cleaned.isEmpty()) {
            return 0.0;
        }
        try {
            double percent = Double.parseDouble(cleaned);
            return percent >= 0 && percent <= 100 ? percent / 100 : null;
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private Plan planWith(Cohort cohort) {
        return planWith(cohort, rules);
    }

    /** The plan with {@code cohort} and, as its allocation rules, {@code cohortRules}. */
    private Plan planWith(Cohort cohort, List<AllocationRule> cohortRules) {
        Plan with;
        if (adding) {
            List<Cohort> cohorts = new ArrayList<>(plan.cohorts());
            cohorts.add(cohort);
            with = plan.withCohorts(cohorts);
        } else {
            with = plan.withCohort(cohort);
        }
        if (cohortRules.equals(originalRules)) {
            return with;
        }
        // The cohort's rules take the place of its first rule; other cohorts' rules keep theirs.
        List<AllocationRule> all = new ArrayList<>();
        boolean placed = false;
        for (AllocationRule rule : plan.allocationRules()) {
            if (!rule.cohortId().equals(original.id())) {
                all.add(rule);
            } else if (!placed) {
                all.addAll(cohortRules);
                placed = true;
            }
        }
        if (!placed) {
            all.addAll(cohortRules);
        }
        return with.withAllocationRules(all);
    }

    /** A form for a new allocation rule of this cohort. */
    public AllocationRuleForm newRule() {
        List<AllocationRule> taken = new ArrayList<>(plan.allocationRules());
        taken.addAll(rules);
        return AllocationRuleForm.proposal(plan, edited, taken);
    }

    /** A form for changing {@code rule}, one of {@link #rules()}. */
    public AllocationRuleForm editRule(AllocationRule rule) {
        return AllocationRuleForm.of(plan, rule);
    }

    /**
     * What the validator finds wrong with the rule of {@code form} (shares that do not add up, a brand below its
     * minimum age, a region without a site group that gives a brand, an overlap with another rule), beyond what it
     * finds without the rule; empty when the form cannot be read yet.
     *
     * @param replacing the id of the rule being edited, or null for a new one
     */
    public List<String> ruleProblems(AllocationRuleForm form, String replacing) {
        if (!form.problems(othersThan(replacing), texts).isEmpty()) {
            return List.of();
        }
        List<AllocationRule> without = new ArrayList<>(rules);
        without.removeIf(rule -> rule.id().equals(replacing));
        List<AllocationRule> with = new ArrayList<>(without);
        AllocationRule candidate = form.rule();
        int at = indexOf(replacing);
        with.add(at < 0 ? with.size() : at, candidate);
        List<Problem> before = validator.validate(planWith(edited, without));
        List<String> found = new ArrayList<>();
        for (Problem problem : validator.validate(planWith(edited, with))) {
            if (problem.field().equals(Problem.FIELD_ALLOCATION_RULES) && !before.contains(problem)) {
                found.add(texts.get(problem.isError() ? "rule.problem.error" : "rule.problem.warning",
                        problemTexts.subject(problem), problemTexts.detail(problem)));
            }
        }
        return found;
    }

    /**
     * Puts the rule of {@code form} among the cohort's rules, in place of {@code replacing} (null adds it). Saving
     * the cohort saves the rules with it, as one change.
     *
     * @return what cannot be read, one sentence each; empty when the rule was taken
     */
    public List<String> saveRule(AllocationRuleForm form, String replacing) {
        List<String> problems = form.problems(othersThan(replacing), texts);
        if (!problems.isEmpty()) {
            return problems;
        }
        AllocationRule rule = form.rule();
        int at = indexOf(replacing);
        if (at < 0) {
            rules.add(rule);
        } else {
            rules.set(at, rule);
        }
        return List.of();
    }

    /** Takes a rule away from the cohort; saving the cohort saves that too. */
    public void removeRule(String ruleId) {
        rules.removeIf(rule -> rule.id().equals(ruleId));
    }

    private int indexOf(String ruleId) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(ruleId)) {
                return i;
            }
        }
        return -1;
    }

    /** Every rule of the plan and of this editor except {@code ruleId}'s: the ids a rule must not take. */
    private List<AllocationRule> othersThan(String ruleId) {
        List<AllocationRule> others = new ArrayList<>(plan.allocationRules());
        others.removeIf(rule -> rule.cohortId().equals(original.id()));
        others.addAll(rules);
        others.removeIf(rule -> rule.id().equals(ruleId));
        return others;
    }

    /** A form for a new named group of this cohort. */
    public GroupForm newGroup() {
        return new GroupForm();
    }

    /** A form for changing {@code group}, one of {@link #groups()}. */
    public GroupForm editGroup(CohortGroup group) {
        return GroupForm.of(group, texts.locale());
    }

    /**
     * What keeps the group of {@code form} from being taken (no name, a name taken, a size out of range) and, once it
     * can be read, what the validator finds wrong with the cohort's groups with it (more people than the cohort has)
     * beyond what it finds without it.
     *
     * @param replacing the name of the group being changed, or null for a new one
     */
    public List<String> groupProblems(GroupForm form, String replacing) {
        List<CohortGroup> others = new ArrayList<>(groups);
        others.removeIf(group -> group.name().equals(replacing));
        List<String> found = form.problems(others, edited.eligible(), texts);
        if (!found.isEmpty()) {
            return found;
        }
        List<CohortGroup> with = new ArrayList<>(others);
        int at = groupIndex(replacing);
        with.add(at < 0 ? with.size() : at, form.group());
        List<Problem> before = validator.validate(planWith(edited.withGroups(others)));
        for (Problem problem : validator.validate(planWith(edited.withGroups(with)))) {
            if (problem.field().equals(Problem.FIELD_GROUPS) && edited.id().equals(problem.cohortId())
                    && !before.contains(problem)) {
                found.add(problemTexts.detail(problem));
            }
        }
        return found;
    }

    /**
     * Puts the group of {@code form} among the cohort's groups, in place of {@code replacing} (null adds it). Saving
     * the cohort saves its groups with it, as one change. A group whose sizes take the cohort beyond its eligible
     * people is taken, and the editor shows the validator's error on the groups until it is mended.
     *
     * @return what cannot be read, one sentence each; empty when the group was taken
     */
    public List<String> saveGroup(GroupForm form, String replacing) {
        List<CohortGroup> others = new ArrayList<>(groups);
        others.removeIf(group -> group.name().equals(replacing));
        List<String> problems = form.problems(others, edited.eligible(), texts);
        if (!problems.isEmpty()) {
            return problems;
        }
        int at = groupIndex(replacing);
        if (at < 0) {
            groups.add(form.group());
        } else {
            groups.set(at, form.group());
        }
        return List.of();
    }

    /** Takes a named group away from the cohort; saving the cohort saves that too. */
    public void removeGroup(String groupName) {
        groups.removeIf(group -> group.name().equals(groupName));
    }

    private int groupIndex(String groupName) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).name().equals(groupName)) {
                return i;
            }
        }
        return -1;
    }

    /** The cohort's named groups as edited, in order. */
    public ObservableList<CohortGroup> groups() {
        return readOnlyGroups;
    }

    /** The cohort's allocation rules as edited, in order. */
    public ObservableList<AllocationRule> rules() {
        return readOnlyRules;
    }

    /** True when every field can be read and the name is free, so that the cohort can be saved. */
    public boolean canSave() {
        return saveable.get();
    }

    /** The plan with the edited cohort, or empty when a field cannot be read. */
    public Optional<Plan> editedPlan() {
        return canSave() ? Optional.of(planWith(edited)) : Optional.empty();
    }

    /** The audit entry for saving: what changed, from what to what, and the planner's reason. */
    public PlanChange change(String user) {
        Cohort after = edited;
        if (adding) {
            return ProblemTexts.of(texts.locale()).change(user, Phrase.of("audit.cohort.added", after.name()), "",
                    describe(after, null), reason.get());
        }
        return ProblemTexts.of(texts.locale()).change(user, Phrase.of("audit.cohort.edited", original.name()),
                describe(original, after), describe(after, original), reason.get());
    }

    /** The fields of {@code cohort} that differ from {@code other} (all when other is null), as "field: value". */
    private String describe(Cohort cohort, Cohort other) {
        Map<String, String> values = CohortDescriptions.fields(cohort, texts);
        Map<String, String> others = other == null ? Map.of() : CohortDescriptions.fields(other, texts);
        List<String> parts = new ArrayList<>();
        values.forEach((field, value) -> {
            if (!value.equals(others.get(field))) {
                parts.add(field + ": " + value);
            }
        });
        List<AllocationRule> mine = cohort == edited ? rules : originalRules;
        List<AllocationRule> theirs = other == null ? null : other == edited ? rules : originalRules;
        if (!mine.equals(theirs) && !(other == null && mine.isEmpty())) {
            parts.add(texts.get("editor.rules") + ": " + (mine.isEmpty() ? texts.get("rules.none")
                    : String.join(" | ", mine.stream().map(rule -> CohortDescriptions.rule(rule, texts)).toList())));
        }
        List<CohortGroup> myGroups = cohort == edited ? List.copyOf(groups) : original.groups();
        List<CohortGroup> theirGroups = other == null ? null : other == edited ? List.copyOf(groups)
                : original.groups();
        if (!myGroups.equals(theirGroups) && !(other == null && myGroups.isEmpty())) {
            parts.add(texts.get("editor.groups") + ": " + (myGroups.isEmpty() ? texts.get("groups.none")
                    : String.join(" | ", myGroups.stream().map(group -> CohortDescriptions.group(group,
                    cohort.eligible(), texts)).toList())));
        }
        return String.join("; ", parts);
    }

    static String digitsText(Set<Integer> digits) {
        return digits.isEmpty() || digits.size() == 10 ? ""
                : String.join(", ", digits.stream().sorted().map(String::valueOf).toList());
    }

    static String number(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? Long.toString(Math.round(rounded)) : Double.toString(rounded);
    }

    public boolean isAdding() {
        return adding;
    }

    /** The cohort as it was when editing started (the proposal, for a new one). */
    public Cohort original() {
        return original;
    }

    public Plan plan() {
        return plan;
    }

    /** What is wrong, per field (FIELD_ constants here and in {@link Problem}); no entry when the field is fine. */
    public ObservableMap<String, String> fieldProblems() {
        return readOnlyFieldProblems;
    }

    /** True when every field can be read and the name is free. */
    public ReadOnlyBooleanProperty saveableProperty() {
        return saveable.getReadOnlyProperty();
    }

    /** "Total 100 %": what the brand shares add up to. */
    public ReadOnlyStringProperty sharesTotalProperty() {
        return sharesTotal.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Integer> firstYearProperty() {
        return firstYear;
    }

    public ObjectProperty<Integer> lastYearProperty() {
        return lastYear;
    }

    /** Last digits of birth days, "0, 5" or "0–4"; empty for every birth day. */
    public StringProperty digitsProperty() {
        return digits;
    }

    /** The booking window's dates and times. */
    public WindowInput window() {
        return window;
    }

    public ObjectProperty<LocalDate> firstDayProperty() {
        return firstDay;
    }

    public ObjectProperty<LocalDate> lastDayProperty() {
        return lastDay;
    }

    public StringProperty eligibleProperty() {
        return eligible;
    }

    /** The window's reservation cap, the planners' own limit on first-dose bookings; empty for none. */
    public StringProperty reservationCapProperty() {
        return reservationCap;
    }

    public StringProperty uptakePercentProperty() {
        return uptakePercent;
    }

    /** Each brand's share in percent, in the plan's brand order. */
    public Map<String, StringProperty> sharePercents() {
        return Collections.unmodifiableMap(sharePercents);
    }

    public ObjectProperty<CohortStatus> statusProperty() {
        return status;
    }

    /** Why, as the planner types it; goes into the audit entry. */
    public StringProperty reasonProperty() {
        return reason;
    }
}
