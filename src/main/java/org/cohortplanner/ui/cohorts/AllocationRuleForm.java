package org.cohortplanner.ui.cohorts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.ui.common.Texts;

/**
 * One brand allocation rule of a cohort as its dialog shows it: the regions, the days, the brand shares in percent,
 * the site groups that keep the cohort's own shares, and a note. {@link #problems} says what cannot be read; the
 * validator's findings on a rule that can be read come from the {@link CohortEditor}.
 */
public final class AllocationRuleForm {
    private final String cohortId;
    private final StringProperty id = new SimpleStringProperty(this, "id");
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> firstDay = new SimpleObjectProperty<>(this, "firstDay");
    private final ObjectProperty<LocalDate> lastDay = new SimpleObjectProperty<>(this, "lastDay");
    private final Map<String, StringProperty> sharePercents = new LinkedHashMap<>();
    private final ObservableList<String> exceptSiteGroups = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty(this, "note", "");

    private AllocationRuleForm(Plan plan, String cohortId) {
        this.cohortId = cohortId;
        for (VaccineBrand brand : plan.brands()) {
            sharePercents.put(brand.name(), new SimpleStringProperty(this, brand.name(), ""));
        }
    }

    /** The form of a rule, for editing it. */
    static AllocationRuleForm of(Plan plan, AllocationRule rule) {
        AllocationRuleForm form = new AllocationRuleForm(plan, rule.cohortId());
        form.id.set(rule.id());
        form.regions.setAll(rule.regions());
        form.firstDay.set(rule.firstDay());
        form.lastDay.set(rule.lastDay());
        rule.brands().shares().forEach((brand, share) -> form.sharePercents.computeIfAbsent(brand,
                missing -> new SimpleStringProperty(form, missing)).set(CohortEditor.number(share * 100)));
        form.exceptSiteGroups.setAll(rule.exceptSiteGroups());
        form.note.set(rule.note());
        return form;
    }

    /** A new rule for {@code cohort}: a free id, the cohort's vaccination period and its own shares to start from. */
    static AllocationRuleForm proposal(Plan plan, Cohort cohort, List<AllocationRule> taken) {
        AllocationRuleForm form = new AllocationRuleForm(plan, cohort.id());
        int next = taken.size() + 1;
        while (isTaken(taken, cohort.id() + "-R" + next)) {
            next++;
        }
        form.id.set(cohort.id() + "-R" + next);
        form.firstDay.set(cohort.vaccinationPeriod().firstDay());
        form.lastDay.set(cohort.vaccinationPeriod().lastDay());
        cohort.brands().shares().forEach((brand, share) -> form.sharePercents.computeIfAbsent(brand,
                missing -> new SimpleStringProperty(form, missing)).set(CohortEditor.number(share * 100)));
        return form;
    }

    private static boolean isTaken(List<AllocationRule> rules, String ruleId) {
        return rules.stream().anyMatch(rule -> rule.id().equals(ruleId));
    }

    /**
     * What cannot be read or is missing, one sentence each; empty when the form makes a rule.
     *
     * @param others the rules the new id must not clash with (every rule of the plan but the one edited)
     */
    List<String> problems(List<AllocationRule> others, Texts texts) {
        List<String> problems = new ArrayList<>();
        String ruleId = text(id.get());
        if (ruleId.isEmpty()) {
            problems.add(texts.get("rule.error.idEmpty"));
        } else if (isTaken(others, ruleId)) {
            problems.add(texts.get("rule.error.idTaken", ruleId));
        }
        if (regions.isEmpty()) {
            problems.add(texts.get("rule.error.noRegion"));
        }
        if (firstDay.get() == null || lastDay.get() == null) {
            problems.add(texts.get("rule.error.days"));
        }
        sharePercents.forEach((brand, percent) -> {
            if (CohortEditor.share(percent.get()) == null) {
                problems.add(texts.get("editor.error.percent", brand, percent.get()));
            }
        });
        return problems;
    }

    /** The rule the form describes; only when {@link #problems} found none. */
    AllocationRule rule() {
        Map<String, Double> shares = new LinkedHashMap<>();
        sharePercents.forEach((brand, percent) -> {
            double share = CohortEditor.share(percent.get());
            if (share > 0) {
                shares.put(brand, share);
            }
        });
        return new AllocationRule(text(id.get()), cohortId, new LinkedHashSet<>(regions), firstDay.get(),
                lastDay.get(), new BrandAllocation(shares), new LinkedHashSet<>(exceptSiteGroups), text(note.get()));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** The plan's regions, for choosing. */
    static List<String> regionChoices(Plan plan) {
        return plan.regions().stream().map(Region::name).toList();
    }

    /** The site groups of the chosen regions, for choosing those that keep the cohort's shares. */
    static List<String> siteGroupChoices(Plan plan, Set<String> inRegions) {
        return plan.sites().stream().filter(site -> inRegions.contains(site.region())).map(SiteGroup::name).toList();
    }

    public StringProperty idProperty() {
        return id;
    }

    /** The regions chosen, in the plan's order as the planner ticked them. */
    public ObservableList<String> regions() {
        return regions;
    }

    public ObjectProperty<LocalDate> firstDayProperty() {
        return firstDay;
    }

    public ObjectProperty<LocalDate> lastDayProperty() {
        return lastDay;
    }

    /** Each brand's share in percent, in the plan's brand order. */
    public Map<String, StringProperty> sharePercents() {
        return sharePercents;
    }

    public ObservableList<String> exceptSiteGroups() {
        return exceptSiteGroups;
    }

    public StringProperty noteProperty() {
        return note;
    }
}
