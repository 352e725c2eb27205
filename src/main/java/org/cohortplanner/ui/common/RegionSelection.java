package org.cohortplanner.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The region (province) the planner is looking at, shared by the screens that can show one region: clicking a
 * province on the map filters the Supply screen's stock and schedule to it. Holds the region's name, or null for the
 * whole country.
 */
public final class RegionSelection {
    private final ObjectProperty<String> region = new SimpleObjectProperty<>(this, "region");

    public ObjectProperty<String> regionProperty() {
        return region;
    }

    public String getRegion() {
        return region.get();
    }

    public void select(String name) {
        region.set(name);
    }
}
