package org.cohortplanner.ui.cohorts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.planning.SplitKind;
import org.cohortplanner.planning.SplitNotPossibleException;
import org.cohortplanner.planning.SplitPart;
import org.cohortplanner.planning.SplitPreview;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The split dialog: how to split one cohort, the parts that split would give (from {@link CohortSplitter}, before
 * anything changes), the first part's booking night with the others following on consecutive nights, and Apply, which
 * makes the split one undoable edit of the working plan. Closing the dialog without Apply changes nothing.
 */
public final class SplitDialogModel {
    private final WorkingPlan working;
    private final Plan plan;
    private final Cohort parent;
    private final String user;
    private final Texts texts;
    private final CohortSplitter splitter = new CohortSplitter();
    private final BiConsumer<String, List<String>> made;

    private final ObjectProperty<SplitKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ObjectProperty<Integer> boundaryYear = new SimpleObjectProperty<>(this, "boundaryYear");
    private final ObjectProperty<Integer> groups = new SimpleObjectProperty<>(this, "groups");
    private final WindowInput firstNight;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyObjectWrapper<SplitPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObservableList<SplitPart> parts = FXCollections.observableArrayList();
    private final ObservableList<SplitPart> readOnlyParts = FXCollections.unmodifiableObservableList(parts);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private List<List<CohortGroup>> partGroups = List.of();

    /** @param made told the parent's id and its new parts' ids once a split is applied */
    SplitDialogModel(WorkingPlan working, Cohort parent, String user, Texts texts,
                     BiConsumer<String, List<String>> made) {
        this.made = Objects.requireNonNull(made, "made");
        this.working = Objects.requireNonNull(working, "working");
        this.plan = working.getPlan();
        this.parent = Objects.requireNonNull(parent, "parent");
        this.user = Objects.requireNonNull(user, "user");
        this.texts = Objects.requireNonNull(texts, "texts");
        int first = parent.birthYears().firstYear();
        int size = parent.birthYears().size();
        kind.set(size > 1 ? SplitKind.AT_BIRTH_YEAR : SplitKind.BY_BIRTH_DAY_DIGIT);
        boundaryYear.set(size > 1 ? first + size / 2 : first);
        groups.set(2);
        firstNight = new WindowInput(parent.window());
        List<Observable> inputs = new ArrayList<>(List.of(kind, boundaryYear, groups));
        inputs.addAll(firstNight.fields());
        inputs.forEach(input -> input.addListener(changed -> propose()));
        propose();
    }

    /** Proposes the split again from the dialog's fields. */
    private void propose() {
        SplitPreview proposed = null;
        SplitPreview shown = null;
        String why = "";
        partGroups = List.of();
        try {
            proposed = proposal();
            Optional<BookingWindow> night = firstNight.window();
            if (night.isEmpty()) {
                why = texts.get("split.error.firstNight");
                proposed = null;
            } else {
                proposed = splitter.withNightsFrom(plan, proposed, night.get());
                shown = proposed;
                // Where the named groups go, as the splitter keeps them; when it cannot, its message says why.
                partGroups = CohortSplitter.groupsOfParts(parent, proposed.parts());
                // Made on paper, so that a split that would take the plan beyond the plan format's limits (such as
                // booking windows that add up to too many days) shows its parts and why, but cannot be applied.
                splitter.apply(plan, proposed);
            }
        } catch (SplitNotPossibleException notPossible) {
            why = notPossible.getMessage();
            proposed = null;
        }
        preview.set(proposed);
        parts.setAll(shown == null ? List.of() : shown.parts());
        problem.set(why);
    }

    private SplitPreview proposal() {
        if (kind.get() == null) {
            throw new SplitNotPossibleException(texts.get("split.error.kind"));
        }
        if (kind.get() == SplitKind.AT_BIRTH_YEAR) {
            if (boundaryYear.get() == null) {
                throw new SplitNotPossibleException(texts.get("split.error.boundary"));
            }
            return splitter.atBirthYear(plan, parent.id(), boundaryYear.get());
        }
        if (groups.get() == null) {
            throw new SplitNotPossibleException(texts.get("split.error.groups"));
        }
        return kind.get() == SplitKind.BY_BIRTH_DAY_DIGIT
                ? splitter.byBirthDayDigit(plan, parent.id(), groups.get())
                : splitter.intoEqualParts(plan, parent.id(), groups.get());
    }

    /**
     * Names part {@code index} otherwise than proposed. Changing how to split or the first night proposes the parts
     * afresh, with the proposed names.
     */
    public void rename(int index, String name) {
        SplitPreview shown = preview.get();
        if (shown == null || name == null || name.isBlank() || index < 0 || index >= shown.parts().size()) {
            return;
        }
        SplitPreview renamed = shown.withName(index, name.strip());
        preview.set(renamed);
        parts.setAll(renamed.parts());
    }

    /**
     * The parent's named groups as part {@code index} of the preview keeps them (a share stays the same share, a
     * count is shared out in proportion to the parts' people); empty when the parent has none or the split cannot
     * keep them (the problem says why).
     */
    public List<CohortGroup> groupsOfPart(int index) {
        return index >= 0 && index < partGroups.size() ? partGroups.get(index) : List.of();
    }

    /** "school teachers 2.5 % (38,000 people)", the named groups of part {@code index} in words. */
    public String groupsText(int index) {
        List<CohortGroup> kept = groupsOfPart(index);
        if (kept.isEmpty() || index >= parts.size()) {
            return texts.get("split.groups.none");
        }
        long people = parts.get(index).people();
        return String.join("; ", kept.stream().map(group -> CohortDescriptions.group(group, people, texts)).toList());
    }

    /** True when there is a split to apply. */
    public boolean canApply() {
        return preview.get() != null;
    }

    /** Makes the split shown, as one edit of the working plan with its audit entry. */
    public void apply() {
        SplitPreview shown = preview.get();
        if (shown == null) {
            throw new IllegalStateException("there is no split to apply: " + problem.get());
        }
        Plan split = splitter.apply(plan, shown);
        working.edit(split, ProblemTexts.of(texts.locale()).change(user, action(shown),
                CohortDescriptions.summary(parent, texts),
                String.join("; ", shown.parts().stream()
                        .map(part -> CohortDescriptions.summary(part.toCohort(parent), texts)).toList()),
                reason.get()));
        made.accept(parent.id(), CohortFamilies.partsOf(split, parent.id()).stream().map(Cohort::id).toList());
    }

    private Phrase action(SplitPreview shown) {
        String names = String.join(", ", shown.parts().stream().map(SplitPart::name).toList());
        return switch (shown.kind()) {
            case AT_BIRTH_YEAR -> Phrase.of("audit.cohort.splitAtYear", parent.name(),
                    String.valueOf(boundaryYear.get()), names);
            case BY_BIRTH_DAY_DIGIT -> Phrase.of("audit.cohort.splitByDigit", parent.name(), shown.parts().size(),
                    names);
            case EQUAL_PEOPLE -> Phrase.of("audit.cohort.splitEqual", parent.name(), shown.parts().size(), names);
        };
    }

    public Cohort parent() {
        return parent;
    }

    public Plan plan() {
        return plan;
    }

    public ObjectProperty<SplitKind> kindProperty() {
        return kind;
    }

    /** For a split at a birth year: the first birth year of the younger part. */
    public ObjectProperty<Integer> boundaryYearProperty() {
        return boundaryYear;
    }

    /** For a split by digit or into equal parts: how many parts. */
    public ObjectProperty<Integer> groupsProperty() {
        return groups;
    }

    /** The first part's booking night; the other parts follow on the next nights, passing over holidays. */
    public WindowInput firstNight() {
        return firstNight;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** The split as it would be made, or null when it cannot be made (see {@link #problemProperty()}). */
    public ReadOnlyObjectProperty<SplitPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The parts of the preview, for the preview table. */
    public ObservableList<SplitPart> parts() {
        return readOnlyParts;
    }

    /** Why the split cannot be made as set, empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
