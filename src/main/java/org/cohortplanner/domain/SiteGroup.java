package org.cohortplanner.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The sites of one kind in one region, planned together: e.g. the vaccination centres of Seoul.
 *
 * @param dosesPerDay doses the whole group can give on an open day
 * @param brands      brand names it can give (some 2021 clinics were Moderna-only)
 * @param closedDays  weekdays on which the group is closed (public holidays come from the plan)
 */
public record SiteGroup(
        String name,
        String region,
        SiteKind kind,
        int dosesPerDay,
        Set<String> brands,
        Set<DayOfWeek> closedDays) {

    public SiteGroup {
        name = Require.text(name, "site group name");
        region = Require.text(region, "region of " + name);
        Require.present(kind, "kind of " + name);
        Require.nonNegative(dosesPerDay, "doses per day of " + name);
        Require.noNulls(brands, "brands of " + name);
        brands = Collections.unmodifiableSet(new LinkedHashSet<>(brands));
        Require.noNulls(closedDays == null ? Set.of() : closedDays, "closed days of " + name);
        closedDays = closedDays == null || closedDays.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(DayOfWeek.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(closedDays));
    }

    public boolean gives(String brand) {
        return brands.contains(brand);
    }

    public boolean isOpenOn(LocalDate day) {
        return !closedDays.contains(day.getDayOfWeek());
    }

    public SiteGroup withDosesPerDay(int newDosesPerDay) {
        return new SiteGroup(name, region, kind, newDosesPerDay, brands, closedDays);
    }

    public SiteGroup withBrands(Set<String> newBrands) {
        return new SiteGroup(name, region, kind, dosesPerDay, newBrands, closedDays);
    }
}
