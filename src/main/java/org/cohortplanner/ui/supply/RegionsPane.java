package org.cohortplanner.ui.supply;

import static org.cohortplanner.ui.supply.SupplyNodes.column;
import static org.cohortplanner.ui.supply.SupplyNodes.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.ui.common.ColumnWidths;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.MarkedRows;
import org.cohortplanner.ui.common.Texts;

/**
 * The Supply screen's regions tab, region × day: each region's stock of the chart's brand at the end of each day,
 * short days marked with the people short. Choosing a row shows that region in the chart.
 */
final class RegionsPane {
    private final SupplyViewModel viewModel;
    private final Texts texts;
    private final TableView<SupplyViewModel.RegionStockRow> table;
    private final Node root;

    RegionsPane(SupplyViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        this.table = new TableView<>(viewModel.regionRows());
        this.root = build();
    }

    Node root() {
        return root;
    }

    private Node build() {
        table.setId(SupplyView.REGION_DAYS_ID);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(texts.get("regions.empty")));
        viewModel.regionRows().addListener((ListChangeListener<SupplyViewModel.RegionStockRow>) change -> {
            showColumns();
            table.refresh();
        });
        showColumns();
        ColumnWidths.fitToText(table);
        MarkedRows.mark(table, "slipped", row -> row.days().stream().anyMatch(RegionStockDay::isShort));
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                viewModel.selectedRegionProperty().set(after.region());
            }
        });
        Label note = new Label(texts.get("regions.note"));
        note.getStyleClass().add("screen-summary");
        note.setWrapText(true);
        // Its lines keep their height when the table below wants the room.
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, note, table);
        box.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** A column per day of the rows, set again only when the days change. */
    private void showColumns() {
        List<TableColumn<SupplyViewModel.RegionStockRow, String>> made = new ArrayList<>();
        made.add(column(texts.get("impact.region"), SupplyViewModel.RegionStockRow::region, 96));
        List<RegionStockDay> days = viewModel.regionRows().isEmpty() ? List.of()
                : viewModel.regionRows().get(0).days();
        for (int i = 0; i < days.size(); i++) {
            int index = i;
            TableColumn<SupplyViewModel.RegionStockRow, String> day = numeric(column(
                    Formats.dayMonth(days.get(i).day(), texts.locale()),
                    row -> index < row.days().size() ? stockText(row.days().get(index)) : "", 74));
            day.setSortable(false);
            made.add(day);
        }
        if (!sameTitles(table.getColumns(), made)) {
            table.getColumns().setAll(made);
        }
    }

    /** "12,400", or "0 · 3,100 short" on a day the region cannot give everyone their dose. */
    private String stockText(RegionStockDay day) {
        String stock = Formats.count(day.stock() + day.reserved(), texts.locale());
        return day.isShort()
                ? texts.get("regions.short", stock, Formats.count(day.peopleShort(), texts.locale())) : stock;
    }

    private static boolean sameTitles(List<? extends TableColumn<?, ?>> shown, List<? extends TableColumn<?, ?>> made) {
        return shown.size() == made.size() && IntStream.range(0, shown.size())
                .allMatch(i -> shown.get(i).getText().equals(made.get(i).getText()));
    }
}
