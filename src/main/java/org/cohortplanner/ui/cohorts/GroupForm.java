package org.cohortplanner.ui.cohorts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * One named group of a cohort as its dialog shows it: the name, its size as a number of people or as a percentage of
 * the cohort's eligible people, whether the size is an estimate, and where the figure comes from. {@link #problems}
 * says what cannot be taken; what the groups add up to is the validator's, through the {@link CohortEditor}.
 */
public final class GroupForm {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty asShare = new SimpleBooleanProperty(this, "asShare");
    private final StringProperty size = new SimpleStringProperty(this, "size", "");
    private final BooleanProperty estimate = new SimpleBooleanProperty(this, "estimate");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");

    GroupForm() {
    }

    /** The form of a group, for changing it. */
    static GroupForm of(CohortGroup group, Locale locale) {
        GroupForm form = new GroupForm();
        form.name.set(group.name());
        form.asShare.set(!group.isCount());
        form.size.set(group.isCount() ? Formats.count(group.people(), locale)
                : CohortEditor.number(group.share() * 100));
        form.estimate.set(group.estimate());
        form.note.set(group.note());
        return form;
    }

    /**
     * What keeps the group from being taken, one sentence each: no name, a name another group of the cohort has, a
     * count that is not 1 to the eligible people, a percentage that is not above 0 and at most 100.
     *
     * @param others   the cohort's other groups
     * @param eligible the cohort's eligible people as edited
     */
    List<String> problems(List<CohortGroup> others, long eligible, Texts texts) {
        List<String> found = new ArrayList<>();
        String typed = strippedName();
        if (typed.isEmpty()) {
            found.add(texts.get("group.error.nameMissing"));
        } else if (others.stream().anyMatch(group -> group.name().equals(typed))) {
            found.add(texts.get("group.error.nameTaken", typed));
        }
        String cleaned = size.get() == null ? "" : size.get().strip();
        if (asShare.get()) {
            Double share = CohortEditor.share(cleaned);
            if (cleaned.isEmpty() || share == null || share <= 0) {
                found.add(texts.get("group.error.share", cleaned));
            }
        } else {
            Long people = people(cleaned);
            if (people == null || people < 1 || people > eligible) {
                found.add(texts.get("group.error.people", cleaned, Formats.count(eligible, texts.locale())));
            }
        }
        return found;
    }

    /** The group as typed; only when {@link #problems} finds nothing. */
    CohortGroup group() {
        String cleaned = size.get() == null ? "" : size.get().strip();
        return asShare.get() ? CohortGroup.ofShare(strippedName(), CohortEditor.share(cleaned), estimate.get(),
                note.get()) : CohortGroup.ofPeople(strippedName(), people(cleaned), estimate.get(), note.get());
    }

    private String strippedName() {
        return name.get() == null ? "" : name.get().strip();
    }

    private static Long people(String typed) {
        try {
            return Long.parseLong(typed.replaceAll("[,\\s_]", ""));
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** True when the size is a percentage of the eligible people, false when it is a number of people. */
    public BooleanProperty asShareProperty() {
        return asShare;
    }

    /** People ("12,000") or a percentage ("2.5"), as {@link #asShareProperty()} says. */
    public StringProperty sizeProperty() {
        return size;
    }

    public BooleanProperty estimateProperty() {
        return estimate;
    }

    public StringProperty noteProperty() {
        return note;
    }
}
