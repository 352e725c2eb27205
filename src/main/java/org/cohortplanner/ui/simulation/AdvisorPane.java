package org.cohortplanner.ui.simulation;

import static org.cohortplanner.ui.simulation.SimulationNodes.boundLabel;
import static org.cohortplanner.ui.simulation.SimulationNodes.textColumn;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cohortplanner.ui.common.ColumnWidths;
import org.cohortplanner.ui.common.MarkedRows;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.simulation.SplitAdvice.AdviceLine;

/** The Simulation screen's "split advisor" tab: the targets, the advisor's summary and every split it tried. */
final class AdvisorPane {
    private final SplitAdvice advisor;
    private final SimulationViewModel viewModel;
    private final FormControls controls;
    private final Texts texts;
    private final Node root;

    AdvisorPane(SimulationViewModel viewModel, FormControls controls) {
        this.viewModel = viewModel;
        this.advisor = viewModel.advisor();
        this.controls = controls;
        this.texts = viewModel.texts();
        this.root = build();
    }

    Node root() {
        return root;
    }

    private Node build() {
        Spinner<Double> target = controls.doubleSpinner(advisor.targetP95MinutesProperty(), 0, 24 * 60, 5);
        target.setPrefWidth(110);
        CheckBox noSuspension = new CheckBox(texts.get("advice.noSuspension"));
        noSuspension.selectedProperty().bindBidirectional(advisor.noSuspensionProperty());
        Button find = new Button(texts.get("advice.run"));
        find.setId(SimulationView.ADVICE_RUN_ID);
        find.disableProperty().bind(advisor.advisingProperty());
        find.setOnAction(event -> advisor.advise());
        Button apply = new Button(texts.get("advice.apply"));
        apply.setId(SimulationView.ADVICE_APPLY_ID);
        apply.disableProperty().bind(advisor.canApplyAdviceProperty().not());
        apply.setOnAction(event -> advisor.applyAdvice());
        ProgressBar busy = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        busy.visibleProperty().bind(advisor.advisingProperty());
        Label targetName = new Label(texts.get("advice.target"));
        for (Region keepsItsText : List.of(targetName, noSuspension, find, apply)) {
            keepsItsText.setMinWidth(Region.USE_PREF_SIZE);
        }
        // The controls go on a second line when the tab is narrower than they are, rather than cutting their texts.
        FlowPane controlRow = new FlowPane(10, 6, targetName, target, noSuspension, find, busy, apply);
        controlRow.setAlignment(Pos.CENTER_LEFT);

        Label summary = boundLabel(advisor.adviceSummaryProperty());
        summary.setId(SimulationView.ADVICE_SUMMARY_ID);
        summary.getStyleClass().add("advice-summary");

        TableView<AdviceLine> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        Label hint = new Label(texts.get("advice.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("screen-summary");
        VBox pane = new VBox(10, controlRow, hint, summary, table);
        pane.setPadding(new Insets(10, 0, 0, 0));
        return pane;
    }

    /** Every split tried, the proposed one marked. */
    private TableView<AdviceLine> table() {
        TableView<AdviceLine> table = new TableView<>(advisor.adviceLines());
        table.setId(SimulationView.ADVICE_TABLE_ID);
        table.setPlaceholder(new Label(texts.get("advice.placeholder")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<AdviceLine, String> nights = textColumn(texts.get("advice.nights", viewModel.zone().getId()),
                AdviceLine::nights, 300);
        TableColumn<AdviceLine, String> why = textColumn(texts.get("advice.why"), AdviceLine::why, 300);
        ColumnWidths.cutWithTooltip(nights);
        ColumnWidths.cutWithTooltip(why);
        table.getColumns().setAll(List.of(
                textColumn(texts.get("advice.split"), AdviceLine::split, 190),
                textColumn(texts.get("advice.verdict"), AdviceLine::verdict, 130),
                textColumn(texts.get("advice.worstP95"), AdviceLine::worstP95, 100),
                nights, why));
        ColumnWidths.fitToText(table);
        MarkedRows.mark(table, "proposed", AdviceLine::proposed);
        return table;
    }
}
