package org.cohortplanner.ui.provinces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.RegionSelection;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

/** The provinces' tile map and its measures on the initial 2021 sample, without the toolkit. */
class ProvincesViewModelTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    private final InMemoryPlanStore store = new InMemoryPlanStore(SAMPLE.withVersion(1));
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), store.load().orElseThrow());
    private final RegionSelection selection = new RegionSelection();
    private final ProvincesViewModel provinces = new ProvincesViewModel(working, new DirectTaskRunner(),
            CampaignDashboard.standard(), selection, Texts.of(ProvincesView.class, Locale.KOREAN));

    @Test
    void everyProvinceHasItsOwnTileAndANameInTheScreensLanguage() {
        assertEquals(17, provinces.provinces().size());
        Set<String> places = new HashSet<>();
        for (ProvincesViewModel.Province province : provinces.provinces()) {
            assertTrue(province.column() >= 0, province.region() + " is on the map");
            assertTrue(places.add(province.column() + "," + province.row()), "one province per tile");
        }
        ProvincesViewModel.Province seoul = province("Seoul");
        assertEquals("서울", seoul.name());
        assertTrue(seoul.row() < province("Busan").row() && province("Jeju").row() == 5, "north above south");
        assertTrue(province("Incheon").column() < province("Gangwon").column(), "west left of east");
    }

    @Test
    void theMeasuresFollowTheChosenDayAndAClickFiltersSupply() {
        assertNotNull(provinces.dayProperty().get(), "the last day of the schedule");
        provinces.measureProperty().set(ProvincesViewModel.Measure.SHARE_VACCINATED);
        double byTheEnd = province("Seoul").value();
        assertTrue(byTheEnd > 0.1 && byTheEnd <= 1, "share by the end: " + byTheEnd);
        provinces.dayProperty().set(provinces.figuresProperty().get().regionDays().get(0).day());
        double onTheFirstDay = province("Seoul").value();
        assertTrue(onTheFirstDay < byTheEnd / 10, "on the first day " + onTheFirstDay + ", by the end " + byTheEnd);
        assertTrue(province("Seoul").valueText().endsWith("%"), province("Seoul").valueText());

        working.edit(working.getPlan().withDeliveries(working.getPlan().deliveries().subList(0, 1)),
                new PlanChange("kim", "Removed deliveries", "", "", ""));
        provinces.measureProperty().set(ProvincesViewModel.Measure.PEOPLE_SHORT);
        provinces.dayProperty().set(provinces.figuresProperty().get().regionDays()
                .get(provinces.figuresProperty().get().regionDays().size() - 1).day());
        List<ProvincesViewModel.Province> shown = provinces.provinces();
        assertTrue(shown.stream().anyMatch(p -> p.value() > 0));
        assertEquals(1.0, shown.stream().mapToDouble(ProvincesViewModel.Province::shade).max().orElseThrow(), 1e-9,
                "the most short province is the darkest");
        assertTrue(provinces.legendHighProperty().get().matches("[0-9,]+"), provinces.legendHighProperty().get());

        provinces.choose("Busan");
        assertEquals("Busan", selection.getRegion());
    }

    private ProvincesViewModel.Province province(String region) {
        return provinces.provinces().stream().filter(p -> p.region().equals(region)).findFirst().orElseThrow();
    }
}
