package org.cohortplanner.ui.supply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.GroupInterval;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.planning.PlanValidator;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.planning.slip.IntervalPreview;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.ui.common.WorkingPlan;
import org.cohortplanner.work.Progress;

/**
 * The "Dose intervals" part of the Supply screen: the plan's interval policies, one being added, changed or removed,
 * and before anything is saved the preview of what it does (from {@link IntervalPreview}): whose second doses move,
 * by cohort, named group, region and day, and the dose-2 appointments it frees or needs per brand and day against the
 * sites' capacity and the stock. Saving is one undoable step of the working plan with its audit entry; the dose-2
 * change list of the preview can be exported to tell the people who move.
 */
public final class IntervalPoliciesViewModel {
    static final String PREVIEW_CHANNEL = "supply-interval-preview";

    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final String user;
    private final Texts texts;
    private final ProblemTexts problemTexts;
    private final Dose2ListExport listExport;
    private final PlanValidator validator = new PlanValidator();

    private final ObservableList<IntervalPolicy> policies = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<IntervalPolicyForm> form = new ReadOnlyObjectWrapper<>(this, "form");
    private final ReadOnlyStringWrapper removing = new ReadOnlyStringWrapper(this, "removing", "");
    private final ObservableMap<String, String> fieldProblems = FXCollections.observableHashMap();
    private final ObservableMap<String, String> readOnlyFieldProblems =
            FXCollections.unmodifiableObservableMap(fieldProblems);
    private final ReadOnlyStringWrapper allowed = new ReadOnlyStringWrapper(this, "allowed", "");
    private final ReadOnlyStringWrapper weeks = new ReadOnlyStringWrapper(this, "weeks", "");
    private final ReadOnlyObjectWrapper<IntervalPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObservableList<SecondDoseMove> moves = FXCollections.observableArrayList();
    private final ObservableList<IntervalPreview.Dose2Day> days = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper byGroup = new ReadOnlyStringWrapper(this, "byGroup", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");

    /** The policies the preview shows the plan with; null when nothing is being changed. */
    private List<IntervalPolicy> candidate;

    IntervalPoliciesViewModel(WorkingPlan working, TaskRunner tasks, UserDialogs dialogs, String user, Texts texts) {
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.user = Objects.requireNonNull(user, "user");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.problemTexts = ProblemTexts.of(texts.locale());
        this.listExport = new Dose2ListExport(tasks, dialogs, texts);
        working.planProperty().addListener((observable, before, after) -> planChanged(after));
        policies.setAll(working.getPlan().intervalPolicies());
    }

    private void planChanged(Plan plan) {
        policies.setAll(plan.intervalPolicies());
        // A preview of another plan must never be saved: the planner previews again.
        IntervalPreview shown = preview.get();
        if (shown != null && !WorkingPlan.sameContent(shown.planBefore(), plan)) {
            clearPreview();
        }
    }

    // ------------------------------------------------------------------------------------------------- editing

    /** Starts a new policy. */
    public void add() {
        edit(IntervalPolicyForm.proposal(working.getPlan()));
    }

    /** Starts changing the policy {@code id}. */
    public void change(String id) {
        working.getPlan().intervalPolicies().stream().filter(p -> p.id().equals(id)).findFirst()
                .ifPresent(policy -> edit(IntervalPolicyForm.of(working.getPlan(), policy)));
    }

    private void edit(IntervalPolicyForm started) {
        removing.set("");
        clearPreview();
        form.set(started);
        started.inputs().forEach(input -> input.addListener(changed -> {
            if (form.get() == started) {
                check();
                clearPreview();
            }
        }));
        check();
    }

    /** Proposes taking the policy {@code id} away: its preview shows whose second doses go back. */
    public void remove(String id) {
        form.set(null);
        fieldProblems.clear();
        List<IntervalPolicy> without = new ArrayList<>(working.getPlan().intervalPolicies());
        if (!without.removeIf(policy -> policy.id().equals(id))) {
            return;
        }
        removing.set(id);
        showPreview(without);
    }

    /** Leaves the policy being edited or removed without saving anything. */
    public void cancel() {
        tasks.cancel(PREVIEW_CHANNEL);
        form.set(null);
        removing.set("");
        fieldProblems.clear();
        clearPreview();
        busy.set(false);
    }

    /** Checks the form: its own problems, then the plan validator's on the interval policies it would give. */
    private void check() {
        IntervalPolicyForm shown = form.get();
        Map<String, String> found = new LinkedHashMap<>(shown.problems(texts));
        allowed.set(shown.allowedText(texts));
        weeks.set(IntervalPolicyForm.weeks(shown.daysProperty().get(), texts));
        if (found.isEmpty()) {
            Plan plan = working.getPlan();
            try {
                List<Problem> before = validator.validate(plan);
                List<String> policyProblems = new ArrayList<>();
                for (Problem problem : validator.validate(plan.withIntervalPolicies(policiesWith(shown.policy())))) {
                    if (problem.field().equals(Problem.FIELD_INTERVAL_POLICIES) && !before.contains(problem)) {
                        policyProblems.add(problemTexts.subject(problem) + ": " + problemTexts.detail(problem));
                    }
                }
                if (!policyProblems.isEmpty()) {
                    found.put(Problem.FIELD_INTERVAL_POLICIES, String.join("\n", policyProblems));
                }
            } catch (IllegalArgumentException refused) {
                found.put(Problem.FIELD_INTERVAL_POLICIES, Messages.describe(refused, texts.locale()));
            }
        }
        fieldProblems.keySet().retainAll(found.keySet());
        fieldProblems.putAll(found);
    }

    /** The plan's policies with {@code policy} in place of the one being changed, or added after them. */
    private List<IntervalPolicy> policiesWith(IntervalPolicy policy) {
        List<IntervalPolicy> list = new ArrayList<>(working.getPlan().intervalPolicies());
        String replacing = form.get().replacing();
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(replacing)) {
                at = i;
            }
        }
        if (at < 0) {
            list.add(policy);
        } else {
            list.set(at, policy);
        }
        return list;
    }

    /** True when the form has only warnings (an exception for a group no cohort names) or nothing wrong. */
    private boolean formCanBeTaken() {
        return fieldProblems.isEmpty() || fieldProblems.size() == 1 && fieldProblems.containsKey(
                Problem.FIELD_INTERVAL_POLICIES) && validatorFindsNoError();
    }

    private boolean validatorFindsNoError() {
        try {
            Plan with = working.getPlan().withIntervalPolicies(policiesWith(form.get().policy()));
            return validator.validate(with).stream().noneMatch(p -> p.isError()
                    && p.field().equals(Problem.FIELD_INTERVAL_POLICIES));
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------- preview

    /**
     * Builds the preview of the policy being edited (or of the removal) in the background: the plan as it is against
     * the plan with the change. Refused, with the reason, while the form has problems.
     */
    public void preview() {
        IntervalPolicyForm shown = form.get();
        if (shown == null) {
            if (!removing.get().isEmpty()) {
                remove(removing.get());
            }
            return;
        }
        check();
        if (!formCanBeTaken()) {
            problem.set(texts.get("policy.error.mend"));
            return;
        }
        showPreview(policiesWith(shown.policy()));
    }

    private void showPreview(List<IntervalPolicy> after) {
        clearPreview();
        Plan plan = working.getPlan();
        candidate = List.copyOf(after);
        busy.set(true);
        List<IntervalPolicy> proposed = candidate;
        tasks.run(PREVIEW_CHANNEL, work -> IntervalPreview.of(plan, proposed), built -> {
            busy.set(false);
            if (proposed == candidate) {
                show(built);
            }
        }, failure -> {
            busy.set(false);
            problem.set(Messages.describe(failure, texts.locale()));
        });
    }

    private void show(IntervalPreview built) {
        Locale locale = texts.locale();
        long people = built.peopleMoved();
        long beyond = built.days().stream().filter(IntervalPreview.Dose2Day::beyondCapacity).count();
        summary.set(people == 0 ? texts.get("policy.preview.none") : texts.get("policy.preview.summary",
                Formats.count(people, locale), built.moves().size(), built.peopleByCohort().size(),
                Formats.count(built.peopleShortBefore(), locale), Formats.count(built.peopleShortAfter(), locale),
                beyond));
        Map<String, String> names = cohortNames(built.planAfter());
        List<String> groups = new ArrayList<>();
        built.peopleByGroup().forEach((group, moved) -> groups.add(texts.get("policy.preview.group",
                group.equals(IntervalPreview.NO_GROUP) ? texts.get("policy.preview.noGroup") : group,
                Formats.count(moved, locale))));
        List<String> cohorts = new ArrayList<>();
        built.peopleByCohort().forEach((cohortId, moved) -> cohorts.add(texts.get("policy.preview.group",
                names.getOrDefault(cohortId, cohortId), Formats.count(moved, locale))));
        byGroup.set(people == 0 ? "" : texts.get("policy.preview.byGroup", String.join(", ", groups))
                + "\n" + texts.get("policy.preview.byCohort", String.join(", ", cohorts)));
        moves.setAll(built.moves().stream().sorted(Comparator.comparing(SecondDoseMove::secondDoseBefore)
                .thenComparing(SecondDoseMove::cohortId)).toList());
        days.setAll(built.days());
        preview.set(built);
    }

    private void clearPreview() {
        candidate = null;
        preview.set(null);
        moves.clear();
        days.clear();
        summary.set("");
        byGroup.set("");
        problem.set("");
    }

    // ---------------------------------------------------------------------------------------------------- saving

    /**
     * Saves the change previewed, as one undoable step with its audit entry. Refused when nothing is previewed or the
     * plan changed since the preview.
     *
     * @return whether it was saved
     */
    public boolean save() {
        IntervalPreview shown = preview.get();
        if (shown == null) {
            problem.set(texts.get("policy.error.noPreview"));
            return false;
        }
        if (!WorkingPlan.sameContent(shown.planBefore(), working.getPlan())) {
            clearPreview();
            problem.set(texts.get("policy.error.planChanged"));
            return false;
        }
        PlanChange change = change(shown);
        working.edit(shown.planAfter(), change);
        form.set(null);
        removing.set("");
        fieldProblems.clear();
        reason.set("");
        // The preview stays: its list is what the planner now exports to tell the people who move.
        return true;
    }

    private PlanChange change(IntervalPreview shown) {
        Map<String, IntervalPolicy> before = byId(shown.planBefore().intervalPolicies());
        Map<String, IntervalPolicy> after = byId(shown.planAfter().intervalPolicies());
        String action;
        String was;
        String is;
        String moved = texts.get("policy.audit.moved", Formats.count(shown.peopleMoved(), texts.locale()));
        if (!removing.get().isEmpty()) {
            action = texts.get("policy.audit.removed", removing.get());
            was = describe(before.get(removing.get()));
            is = moved;
        } else {
            IntervalPolicy policy = form.get().policy();
            String replacing = form.get().replacing();
            action = replacing == null ? texts.get("policy.audit.added", policy.id())
                    : texts.get("policy.audit.changed", replacing);
            was = replacing == null ? "" : describe(before.get(replacing));
            is = describe(after.get(policy.id())) + "; " + moved;
        }
        return new PlanChange(user, action, was, is, reason.get() == null ? "" : reason.get().strip());
    }

    private static Map<String, IntervalPolicy> byId(List<IntervalPolicy> list) {
        return list.stream().collect(Collectors.toMap(IntervalPolicy::id, p -> p, (a, b) -> a, LinkedHashMap::new));
    }

    /** "mrna-6-weeks: Pfizer, Moderna · from 16 Aug 2021 · second doses due · 42 days · school teachers 35 days". */
    public String describe(IntervalPolicy policy) {
        if (policy == null) {
            return "";
        }
        String text = texts.get("policy.describe", policy.id(), String.join(", ", policy.brands()),
                Formats.date(policy.from(), texts.locale()), texts.get("policy.basis." + policy.appliesTo().name()),
                policy.days());
        return policy.exceptions().isEmpty() ? text : text + " · " + exceptionsText(policy);
    }

    /** "exam students 2022 28 days; school teachers exempt". */
    public String exceptionsText(IntervalPolicy policy) {
        if (policy.exceptions().isEmpty()) {
            return texts.get("policy.exceptions.none");
        }
        List<String> parts = new ArrayList<>();
        for (GroupInterval exception : policy.exceptions()) {
            parts.add(exception.isExempt() ? texts.get("policy.exception.exempt", exception.group())
                    : texts.get("policy.exception.days", exception.group(), exception.days()));
        }
        return String.join("; ", parts);
    }

    /** Writes the dose-2 change list of the preview (.xlsx, or .csv by the file's name). */
    public void exportMoves() {
        IntervalPreview shown = preview.get();
        if (shown == null || shown.moves().isEmpty()) {
            return;
        }
        listExport.export(shown.planAfter(), moves, "dose2-changes-intervals.xlsx", () -> busy.set(true),
                () -> busy.set(false), Progress.none());
    }

    static Map<String, String> cohortNames(Plan plan) {
        return plan.cohorts().stream().collect(Collectors.toMap(Cohort::id, Cohort::name, (a, b) -> a));
    }

    /** Cohort names by id, for the preview's table. */
    public Map<String, String> cohortNames() {
        IntervalPreview shown = preview.get();
        return cohortNames(shown != null ? shown.planAfter() : working.getPlan());
    }

    // ------------------------------------------------------------------------------------------------ properties

    public ObservableList<IntervalPolicy> policies() {
        return policies;
    }

    /** The policy being added or changed, or null. */
    public ReadOnlyObjectProperty<IntervalPolicyForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    /** The id of the policy whose removal is previewed, empty otherwise. */
    public ReadOnlyStringProperty removingProperty() {
        return removing.getReadOnlyProperty();
    }

    /** What is wrong per field of the form ({@code IntervalPolicyForm.FIELD_...}, {@code FIELD_INTERVAL_POLICIES}). */
    public ObservableMap<String, String> fieldProblems() {
        return readOnlyFieldProblems;
    }

    /** The days the chosen brands allow, shown beside the days. */
    public ReadOnlyStringProperty allowedProperty() {
        return allowed.getReadOnlyProperty();
    }

    /** "= 6 weeks" beside the days, when they make whole weeks. */
    public ReadOnlyStringProperty weeksProperty() {
        return weeks.getReadOnlyProperty();
    }

    /** The preview shown, or null: nothing to save until there is one. */
    public ReadOnlyObjectProperty<IntervalPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** People whose second dose moves, by cohort, group and region, told day → new day. */
    public ObservableList<SecondDoseMove> moves() {
        return moves;
    }

    /** Per brand and day whose second doses change: before, after, capacity and stock. */
    public ObservableList<IntervalPreview.Dose2Day> days() {
        return days;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** People moved per named group and per cohort, in a line each. */
    public ReadOnlyStringProperty byGroupProperty() {
        return byGroup.getReadOnlyProperty();
    }

    /** Why the last step could not be done, empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why, as the planner types it; goes into the audit entry. */
    public StringProperty reasonProperty() {
        return reason;
    }
}
