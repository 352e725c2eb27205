package org.cohortplanner.ui.cohorts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.CohortMerger;
import org.cohortplanner.planning.PlanValidator;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.planning.SplitNotPossibleException;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The Cohorts screen: the working plan's cohorts as table rows (filtered by a text the planner types) with the split
 * parent each part is shown under and the totals of the rows shown, every problem the plan validator finds, the
 * cohort selected on any screen, and the actions on cohorts — new, edit, duplicate, delete, split, merge — each made
 * as one undoable edit of the working plan.
 */
public final class CohortsViewModel {
    private final WorkingPlan working;
    private final CohortSelection selection;
    private final UserDialogs dialogs;
    private final String user;
    private final Texts texts;
    private final PlanValidator validator = new PlanValidator();

    private final ObservableList<CohortRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CohortRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<CohortRow> shownRows = new FilteredList<>(readOnlyRows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper problemsSummary = new ReadOnlyStringWrapper(this, "problemsSummary");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyStringWrapper zone = new ReadOnlyStringWrapper(this, "zone");
    private final ReadOnlyObjectWrapper<CohortEditor> editor = new ReadOnlyObjectWrapper<>(this, "editor");
    private final ReadOnlyObjectWrapper<CohortTotals> totals = new ReadOnlyObjectWrapper<>(this, "totals",
            CohortTotals.NONE);
    private final ObservableList<String> selectedRowIds = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlySelectedRowIds =
            FXCollections.unmodifiableObservableList(selectedRowIds);
    /** The parents whose parts the planner folded away; kept by id, so across plan changes and undo. */
    private final Set<String> collapsed = new HashSet<>();
    private Map<String, String> shownParents = Map.of();
    private Set<String> booking = Set.of();
    private final BooleanBinding hasSelection;
    private final BooleanBinding canMerge;
    private final BooleanBinding canSplit;

    /** Texts in English; for view-model tests and callers without a language. */
    public CohortsViewModel(WorkingPlan working) {
        this(working, new CohortSelection(), null, PlanChange.currentUser(), Locale.ENGLISH);
    }

    /**
     * @param dialogs asks before deleting and merging, and tells why a split cannot be made; may be null when no
     *                such action is used
     * @param user    who makes the edits, for the audit trail
     */
    public CohortsViewModel(WorkingPlan working, CohortSelection selection, UserDialogs dialogs, String user,
                            Locale locale) {
        this.working = Objects.requireNonNull(working, "working");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.dialogs = dialogs;
        this.user = Objects.requireNonNull(user, "user");
        this.texts = Texts.of(CohortsViewModel.class, locale);
        filter.addListener((observable, before, after) -> applyFilter());
        selection.cohortIdProperty().addListener((observable, before, after) -> followSelection(after));
        working.planProperty().addListener((observable, before, after) -> show(after));
        hasSelection = Bindings.createBooleanBinding(() -> selected().isPresent(), selection.cohortIdProperty(),
                working.planProperty());
        canMerge = Bindings.createBooleanBinding(() -> familyParent().isPresent(), selection.cohortIdProperty(),
                working.planProperty());
        canSplit = Bindings.createBooleanBinding(() -> selected().filter(this::splittable).isPresent(),
                selection.cohortIdProperty(), working.planProperty());
        show(working.getPlan());
    }

    private void show(Plan plan) {
        shownParents = shownParents(plan);
        booking = new HashSet<>(CohortFamilies.bookingCohorts(plan).stream().map(Cohort::id).toList());
        rows.setAll(plan.cohorts().stream().map(cohort -> CohortRow.of(cohort, texts.locale())).toList());
        zone.set(plan.zone().getId());
        int count = plan.cohorts().size();
        // No people total: a catch-up window re-admits people of earlier windows, so a sum would count them twice.
        summary.set(count == 0
                ? texts.get("summary.none", plan.zone().getId())
                : texts.get("summary", Formats.count(count, texts.locale()), count, Formats.dateTime(
                        plan.cohorts().stream().map(c -> c.window().opens()).min(Comparator.naturalOrder())
                                .orElseThrow(), texts.locale()),
                        plan.zone().getId()));
        selectedRowIds.removeIf(id -> plan.cohort(id).isEmpty());
        updateTotals();
        problems.setAll(validator.validate(plan));
        long errors = problems.stream().filter(Problem::isError).count();
        problemsSummary.set(problems.isEmpty() ? texts.get("problems.none")
                : texts.get("problems.count", errors, problems.size() - errors));
        if (selection.getCohortId() != null && plan.cohort(selection.getCohortId()).isEmpty()) {
            selection.clear();
        }
        // An editor opened on another plan (before an undo, an edit on another screen) would save over that change.
        if (editor.get() != null && !WorkingPlan.sameContent(editor.get().plan(), plan)) {
            editor.set(null);
        }
    }

    private void applyFilter() {
        String wanted = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        shownRows.setPredicate(wanted.isEmpty() ? null : row -> searchText(row).contains(wanted));
        updateTotals();
    }

    private void updateTotals() {
        totals.set(CohortTotals.of(shownRows, booking, shownRows.size() < rows.size()));
    }

    /**
     * Each part whose parent is in the plan, with that parent. A hand-written file may name parents in a ring; the
     * ring is cut where the plan's order first meets it, so that every cohort still has a place in the tree.
     */
    private static Map<String, String> shownParents(Plan plan) {
        Map<String, String> parents = new HashMap<>();
        for (Cohort cohort : plan.cohorts()) {
            String parentId = cohort.parentId();
            if (parentId != null && !parentId.equals(cohort.id()) && plan.cohort(parentId).isPresent()) {
                parents.put(cohort.id(), parentId);
            }
        }
        for (Cohort cohort : plan.cohorts()) {
            Set<String> seen = new HashSet<>();
            for (String id = cohort.id(); id != null; id = parents.get(id)) {
                if (!seen.add(id)) {
                    parents.remove(cohort.id());
                    break;
                }
            }
        }
        return Map.copyOf(parents);
    }

    /** The rows the table selects follow the shared selection; a selection made here keeps its other rows. */
    private void followSelection(String cohortId) {
        if (cohortId == null) {
            selectedRowIds.clear();
        } else if (!selectedRowIds.contains(cohortId)) {
            selectedRowIds.setAll(cohortId);
        }
    }

    private String searchText(CohortRow row) {
        return String.join(" ", row.name(), row.birthYearsText(), row.agesText(), row.brands(),
                texts.get("status." + row.status().name()), row.status().name(),
                CohortDescriptions.digits(row.birthDayDigits(), texts)).toLowerCase(Locale.ROOT);
    }

    /** Opens the editor on a new cohort, not yet in the plan: it is added when saved. */
    public void newCohort() {
        Plan plan = working.getPlan();
        editor.set(new CohortEditor(plan, proposeNew(plan), true, texts));
    }

    /** Opens the editor on the selected cohort. */
    public void editSelected() {
        selected().ifPresent(cohort -> editor.set(new CohortEditor(working.getPlan(), cohort, false, texts)));
    }

    /** Saves the editor's cohort as one edit and closes the editor; false when a field cannot be read. */
    public boolean saveEditor() {
        CohortEditor open = editor.get();
        if (open == null) {
            return false;
        }
        Optional<Plan> edited = open.editedPlan();
        if (edited.isEmpty()) {
            return false;
        }
        PlanChange change = open.change(user);
        if (!edited.get().equals(open.plan()) || open.isAdding()) {
            working.edit(edited.get(), change);
        }
        editor.set(null);
        selection.select(open.original().id());
        return true;
    }

    public void closeEditor() {
        editor.set(null);
    }

    /** Adds a copy of the selected cohort after it, as a cohort of its own (not a part of a split). */
    public void duplicateSelected() {
        Optional<Cohort> chosen = selected();
        if (chosen.isEmpty()) {
            return;
        }
        Plan plan = working.getPlan();
        Cohort original = chosen.get();
        Cohort copy = original.withId(freeId(plan, original.id() + "-copy"))
                .withName(freeName(plan, texts.get("copyName", original.name()))).withParentId(null);
        List<Cohort> cohorts = new ArrayList<>();
        for (Cohort cohort : plan.cohorts()) {
            cohorts.add(cohort);
            if (cohort.id().equals(original.id())) {
                cohorts.add(copy);
            }
        }
        working.edit(plan.withCohorts(cohorts), ProblemTexts.of(texts.locale()).change(user,
                Phrase.of("audit.cohort.duplicated", original.name(), copy.name()), "",
                CohortDescriptions.summary(copy, texts), ""));
        selection.select(copy.id());
    }

    /** Deletes the selected cohort, and the parts it was split into, after the planner confirms. */
    public void deleteSelected() {
        Optional<Cohort> chosen = selected();
        if (chosen.isEmpty()) {
            return;
        }
        Plan plan = working.getPlan();
        Cohort cohort = chosen.get();
        List<Cohort> parts = CohortFamilies.descendantsOf(plan, cohort.id());
        String question = parts.isEmpty() ? texts.get("delete.question", cohort.name())
                : texts.get("delete.questionWithParts", cohort.name(), parts.size(),
                        String.join(", ", parts.stream().map(Cohort::name).toList()));
        if (dialogs == null || !dialogs.confirm(texts.get("delete.title"), question)) {
            return;
        }
        Set<String> gone = new HashSet<>();
        gone.add(cohort.id());
        parts.forEach(part -> gone.add(part.id()));
        List<Cohort> kept = plan.cohorts().stream().filter(c -> !gone.contains(c.id())).toList();
        working.edit(plan.withCohorts(kept), ProblemTexts.of(texts.locale()).change(user,
                Phrase.of("audit.cohort.deleted", cohort.name()), CohortDescriptions.summary(cohort, texts), "", ""));
        selection.clear();
    }

    /** The split dialog for the selected cohort; empty, after telling the planner why, when it cannot be split. */
    public Optional<SplitDialogModel> proposeSplit() {
        Optional<Cohort> chosen = selected();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Cohort cohort = chosen.get();
        if (!splittable(cohort)) {
            String why = cohort.status() == CohortStatus.CLOSED && !isSplitParent(cohort)
                    ? texts.get("split.error.closed", cohort.name()) : texts.get("split.error.split", cohort.name());
            if (dialogs != null) {
                dialogs.showError(texts.get("split.title", cohort.name()), why);
            }
            return Optional.empty();
        }
        return Optional.of(new SplitDialogModel(working, cohort, user, texts, this::selectParts));
    }

    /** Selects the parts a split has just made, the first one in the shared selection, their parent unfolded. */
    private void selectParts(String parentId, List<String> partIds) {
        if (partIds.isEmpty()) {
            return;
        }
        collapsed.remove(parentId);
        selection.select(partIds.get(0));
        selectedRowIds.setAll(partIds);
    }

    /** Merges the parts of the selected split parent (or of the parent of the selected part) back into it. */
    public void mergeSelected() {
        Optional<Cohort> parent = familyParent();
        if (parent.isEmpty()) {
            return;
        }
        Plan plan = working.getPlan();
        List<Cohort> parts = CohortFamilies.descendantsOf(plan, parent.get().id());
        String names = String.join(", ", parts.stream().map(Cohort::name).toList());
        if (dialogs == null || !dialogs.confirm(texts.get("merge.title"),
                texts.get("merge.question", names, parent.get().name()))) {
            return;
        }
        try {
            Plan merged = new CohortMerger().merge(plan, parent.get().id());
            working.edit(merged, ProblemTexts.of(texts.locale()).change(user,
                    Phrase.of("audit.cohort.merged", names, parent.get().name()), names,
                    CohortDescriptions.summary(parent.get(), texts), ""));
            selection.select(parent.get().id());
        } catch (SplitNotPossibleException notPossible) {
            dialogs.showError(texts.get("merge.title"), notPossible.getMessage());
        }
    }

    /** The split parent the selected cohort belongs to: itself when it was split, else its parent. */
    private Optional<Cohort> familyParent() {
        Plan plan = working.getPlan();
        return selected().flatMap(cohort -> isSplitParent(cohort) ? Optional.of(cohort)
                : cohort.parent().flatMap(plan::cohort).filter(this::isSplitParent));
    }

    private boolean isSplitParent(Cohort cohort) {
        return CohortFamilies.isReplacedByParts(working.getPlan(), cohort);
    }

    private boolean splittable(Cohort cohort) {
        return cohort.status() != CohortStatus.CLOSED && !isSplitParent(cohort);
    }

    /** The selected cohort as it is in the working plan. */
    public Optional<Cohort> selected() {
        String id = selection.getCohortId();
        return id == null ? Optional.empty() : working.getPlan().cohort(id);
    }

    /** A new cohort after the plan's last one: the birth years just younger, booking the night after its window. */
    private Cohort proposeNew(Plan plan) {
        List<Cohort> cohorts = plan.cohorts();
        String brand = plan.brands().isEmpty() ? null : plan.brands().get(0).name();
        BrandAllocation brands = brand == null ? BrandAllocation.none() : BrandAllocation.single(brand);
        String id = freeId(plan, "cohort-" + (cohorts.size() + 1));
        String name = freeName(plan, texts.get("newCohortName"));
        if (cohorts.isEmpty()) {
            LocalDateTime opens = LocalDate.now().plusDays(1).atTime(20, 0);
            int lastYear = plan.population().isEmpty() ? LocalDate.now().getYear() - 50
                    : plan.population().peoplePerBirthYear().lastKey();
            BirthCohortRange years = BirthCohortRange.of(Math.max(BirthCohortRange.EARLIEST_YEAR, lastYear - 4),
                    lastYear);
            return new Cohort(id, name, years, Set.of(), peopleIn(plan, years), 1.0,
                    new BookingWindow(opens, opens.plusHours(22)),
                    new VaccinationPeriod(opens.toLocalDate().plusDays(14), opens.toLocalDate().plusDays(27)), brands,
                    null, CohortStatus.PLANNED);
        }
        Cohort last = cohorts.get(cohorts.size() - 1);
        int firstYear = Math.min(BirthCohortRange.LATEST_YEAR - 4, last.birthYears().lastYear() + 1);
        BirthCohortRange years = BirthCohortRange.of(firstYear, firstYear + 4);
        return new Cohort(id, name, years, Set.of(), peopleIn(plan, years), last.uptake(),
                last.window().shiftedBy(Duration.ofDays(1)), last.vaccinationPeriod().shiftedBy(1), brands,
                null, CohortStatus.PLANNED);
    }

    private static long peopleIn(Plan plan, BirthCohortRange years) {
        return plan.population().isEmpty() ? 0 : plan.population().peopleBornIn(years);
    }

    private static String freeId(Plan plan, String wanted) {
        String id = wanted;
        for (int n = 2; plan.cohort(id).isPresent(); n++) {
            id = wanted + "-" + n;
        }
        return id;
    }

    private static String freeName(Plan plan, String wanted) {
        String name = wanted;
        for (int n = 2; plan.cohortNamed(name).isPresent(); n++) {
            name = wanted + " " + n;
        }
        return name;
    }

    /** All rows, in the plan's order. */
    public ObservableList<CohortRow> rows() {
        return readOnlyRows;
    }

    /** The rows the filter lets through, in the plan's order; the table sorts its own view of them. */
    public ObservableList<CohortRow> shownRows() {
        return shownRows;
    }

    /**
     * The cohort the table shows {@code cohortId} under: the split parent it is a part of, when that parent is in the
     * plan; empty for a cohort at the top level.
     */
    public Optional<String> parentIdOf(String cohortId) {
        return Optional.ofNullable(shownParents.get(cohortId));
    }

    /** True when the table shows the parts of {@code cohortId}; every parent is unfolded until the planner folds it. */
    public boolean isExpanded(String cohortId) {
        return !collapsed.contains(cohortId);
    }

    public void setExpanded(String cohortId, boolean expanded) {
        if (expanded) {
            collapsed.remove(cohortId);
        } else {
            collapsed.add(cohortId);
        }
    }

    /** True when {@code cohortId} books its own people: it has not been replaced by its parts. */
    public boolean isBooking(String cohortId) {
        return booking.contains(cohortId);
    }

    /** The totals of the rows shown, counting a split parent once, through its parts. */
    public ReadOnlyObjectProperty<CohortTotals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public CohortTotals getTotals() {
        return totals.get();
    }

    /**
     * The cohorts the table selects, in the order selected: the shared selection's cohort, or every part a split has
     * just made (the first one being the shared selection's).
     */
    public ObservableList<String> selectedRowIds() {
        return readOnlySelectedRowIds;
    }

    /** The planner selected {@code ids} in the table, {@code lead} (one of them) last: it is the shared selection. */
    public void selectRows(String lead, List<String> ids) {
        selectedRowIds.setAll(ids);
        if (!ids.contains(lead)) {
            selectedRowIds.add(lead);
        }
        selection.select(lead);
    }

    /** Text a row must contain (in its name, birth years, ages, brands, status or birth days) to be shown. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Every problem the plan validator finds in the working plan. */
    public ObservableList<Problem> problems() {
        return readOnlyProblems;
    }

    public ReadOnlyStringProperty problemsSummaryProperty() {
        return problemsSummary.getReadOnlyProperty();
    }

    /** Selects the cohort a problem is on (a problem of the whole plan selects nothing). */
    public void jumpTo(Problem problem) {
        if (problem != null && problem.cohortId() != null) {
            selection.select(problem.cohortId());
        }
    }

    public CohortSelection selection() {
        return selection;
    }

    /** The open editor, or null when none is open. */
    public ReadOnlyObjectProperty<CohortEditor> editorProperty() {
        return editor.getReadOnlyProperty();
    }

    public BooleanBinding hasSelectionProperty() {
        return hasSelection;
    }

    public BooleanBinding canMergeProperty() {
        return canMerge;
    }

    public BooleanBinding canSplitProperty() {
        return canSplit;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public String getSummary() {
        return summary.get();
    }

    /** The plan's time zone, in which every window time is shown. */
    public ReadOnlyStringProperty zoneProperty() {
        return zone.getReadOnlyProperty();
    }

    public Texts texts() {
        return texts;
    }
}
