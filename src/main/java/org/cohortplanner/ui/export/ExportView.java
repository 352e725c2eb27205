package org.cohortplanner.ui.export;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cohortplanner.export.WorkbookSheet;
import org.cohortplanner.ui.common.ScreenHeading;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.export.ExportViewModel.State;

/**
 * The Export screen: tick the sheets, say where the workbook goes (and, for the provinces, a folder with one workbook
 * per region), export with a progress bar that can be cancelled, then open the folder or the workbook.
 */
public final class ExportView {
    public static final String FILE_ID = "export-file";
    public static final String CHOOSE_FILE_ID = "export-choose-file";
    public static final String PER_REGION_ID = "export-per-region";
    public static final String FOLDER_ID = "export-folder";
    public static final String CHOOSE_FOLDER_ID = "export-choose-folder";
    public static final String COMPARE_ID = "export-compare-plan";
    public static final String EXPORT_ID = "export-run";
    public static final String CANCEL_ID = "export-cancel";
    public static final String PROGRESS_ID = "export-progress";
    public static final String PROGRESS_TEXT_ID = "export-progress-text";
    public static final String MESSAGE_ID = "export-message";
    public static final String OPEN_FOLDER_ID = "export-open-folder";
    public static final String OPEN_WORKBOOK_ID = "export-open-workbook";
    static final String STYLESHEET = "/org/cohortplanner/ui/export/export.css";

    private final ExportViewModel viewModel;
    private final Texts texts;
    private final ScrollPane root;

    public ExportView(ExportViewModel viewModel, Texts texts) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.texts = Objects.requireNonNull(texts, "texts");
        HBox heading = ScreenHeading.of(texts.get("title"), null, viewModel.summaryProperty());

        VBox content = new VBox(14, heading, section(texts.get("sheets.heading"), sheets()),
                section(texts.get("where.heading"), destination()), actions(), outcome());
        content.getStyleClass().addAll("screen", "export-screen");
        content.setFillWidth(true);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("export-scroll");
        root.getStylesheets().add(Objects.requireNonNull(ExportView.class.getResource(STYLESHEET), STYLESHEET)
                .toExternalForm());
    }

    public Parent root() {
        return root;
    }

    /** Node id of a sheet's check box, shared with tests. */
    public static String sheetId(WorkbookSheet sheet) {
        return "export-sheet-" + sheet.option();
    }

    private static Node section(String heading, Node body) {
        Label label = new Label(heading);
        label.getStyleClass().add("export-section-heading");
        VBox section = new VBox(10, label, body);
        section.getStyleClass().add("export-section");
        return section;
    }

    private Node sheets() {
        GridPane grid = labelledGrid(18, 7);
        int row = 0;
        for (WorkbookSheet sheet : WorkbookSheet.values()) {
            String key = "sheet." + sheet.option();
            CheckBox box = new CheckBox(texts.get(key + ".name"));
            box.setId(sheetId(sheet));
            box.selectedProperty().bindBidirectional(viewModel.selectedProperty(sheet));
            box.disableProperty().bind(viewModel.availableProperty(sheet).not()
                    .or(viewModel.stateProperty().isEqualTo(State.EXPORTING)));
            Label description = new Label(texts.get(key + ".description"));
            description.getStyleClass().add("export-description");
            description.setWrapText(true);
            VBox about = new VBox(2, description);
            Label note = new Label();
            note.getStyleClass().add("export-note");
            note.textProperty().bind(viewModel.noteProperty(sheet));
            note.setWrapText(true);
            note.visibleProperty().bind(note.textProperty().isNotEmpty());
            note.managedProperty().bind(note.visibleProperty());
            viewModel.availableProperty(sheet).addListener((observable, before, after) -> markUnavailable(note,
                    !after));
            markUnavailable(note, !viewModel.availableProperty(sheet).get());
            if (sheet == WorkbookSheet.DOSE2_CHANGES) {
                Button compare = new Button(texts.get("dose2.compare"));
                compare.setId(COMPARE_ID);
                compare.setOnAction(event -> viewModel.compareWithPlanFile());
                compare.disableProperty().bind(viewModel.stateProperty().isEqualTo(State.EXPORTING));
                HBox line = new HBox(10, note, compare);
                line.setAlignment(Pos.CENTER_LEFT);
                about.getChildren().add(line);
            } else {
                about.getChildren().add(note);
            }
            GridPane.setHalignment(box, HPos.LEFT);
            grid.addRow(row++, box, about);
        }
        return grid;
    }

    /** A grid whose first column fits its labels and whose second takes the width that is left. */
    private static GridPane labelledGrid(double hgap, double vgap) {
        GridPane grid = new GridPane();
        grid.setHgap(hgap);
        grid.setVgap(vgap);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints rest = new ColumnConstraints();
        rest.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, rest);
        return grid;
    }

    private static void markUnavailable(Label note, boolean unavailable) {
        note.getStyleClass().remove("unavailable");
        if (unavailable) {
            note.getStyleClass().add("unavailable");
        }
    }

    private Node destination() {
        TextField file = new TextField();
        file.setId(FILE_ID);
        file.setPromptText(texts.get("where.file.prompt"));
        file.textProperty().bindBidirectional(viewModel.workbookFileProperty());
        Button chooseFile = new Button(texts.get("where.choose"));
        chooseFile.setId(CHOOSE_FILE_ID);
        chooseFile.setOnAction(event -> viewModel.chooseWorkbookFile());

        CheckBox perRegion = new CheckBox(texts.get("where.perRegion"));
        perRegion.setId(PER_REGION_ID);
        perRegion.selectedProperty().bindBidirectional(viewModel.perRegionProperty());
        perRegion.disableProperty().bind(viewModel.perRegionAvailableProperty().not());
        Label regionNote = new Label();
        regionNote.getStyleClass().add("export-description");
        regionNote.textProperty().bind(viewModel.perRegionNoteProperty());
        HBox perRegionLine = new HBox(12, perRegion, regionNote);
        perRegionLine.setAlignment(Pos.CENTER_LEFT);

        TextField folder = new TextField();
        folder.setId(FOLDER_ID);
        folder.setPromptText(texts.get("where.folder.prompt"));
        folder.textProperty().bindBidirectional(viewModel.regionFolderProperty());
        folder.disableProperty().bind(viewModel.perRegionProperty().not());
        Button chooseFolder = new Button(texts.get("where.choose"));
        chooseFolder.setId(CHOOSE_FOLDER_ID);
        chooseFolder.setOnAction(event -> viewModel.chooseRegionFolder());
        chooseFolder.disableProperty().bind(viewModel.perRegionAvailableProperty().not());

        GridPane grid = labelledGrid(10, 8);
        grid.getColumnConstraints().add(new ColumnConstraints());
        grid.addRow(0, new Label(texts.get("where.file")), file, chooseFile);
        grid.add(perRegionLine, 0, 1, 3, 1);
        grid.addRow(2, new Label(texts.get("where.folder")), folder, chooseFolder);
        grid.disableProperty().bind(viewModel.stateProperty().isEqualTo(State.EXPORTING));
        return grid;
    }

    private Node actions() {
        Button export = new Button(texts.get("action.export"));
        export.setId(EXPORT_ID);
        export.setDefaultButton(true);
        export.getStyleClass().add("export-button");
        export.disableProperty().bind(viewModel.canExportBinding().not());
        export.setOnAction(event -> viewModel.export());
        Button cancel = new Button(texts.get("action.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(State.EXPORTING));
        cancel.setOnAction(event -> viewModel.cancel());

        ProgressBar bar = new ProgressBar();
        bar.setId(PROGRESS_ID);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.stateProperty().isEqualTo(State.EXPORTING));
        Label progress = new Label();
        progress.setId(PROGRESS_TEXT_ID);
        progress.getStyleClass().add("export-description");
        progress.textProperty().bind(viewModel.progressTextProperty());
        VBox running = new VBox(4, bar, progress);
        HBox.setHgrow(running, Priority.ALWAYS);
        HBox line = new HBox(10, export, cancel, running);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Node outcome() {
        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.getStyleClass().add("export-message");
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.stateProperty().addListener((observable, before, after) -> markOutcome(message, after));
        markOutcome(message, viewModel.getState());

        Button openFolder = new Button(texts.get("action.openFolder"));
        openFolder.setId(OPEN_FOLDER_ID);
        openFolder.setOnAction(event -> viewModel.openFolder());
        openFolder.disableProperty().bind(viewModel.writtenFolderProperty().isNull());
        Button openWorkbook = new Button(texts.get("action.openWorkbook"));
        openWorkbook.setId(OPEN_WORKBOOK_ID);
        openWorkbook.setOnAction(event -> viewModel.openWorkbook());
        openWorkbook.disableProperty().bind(viewModel.writtenWorkbookProperty().isNull());
        HBox buttons = new HBox(10, openFolder, openWorkbook);
        buttons.visibleProperty().bind(viewModel.stateProperty().isEqualTo(State.DONE));
        buttons.managedProperty().bind(buttons.visibleProperty());

        VBox box = new VBox(10, message, buttons);
        box.getStyleClass().add("export-outcome");
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.getMessage().isEmpty(),
                viewModel.messageProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static void markOutcome(Label message, State state) {
        message.getStyleClass().removeAll("done", "problem");
        if (state == State.DONE) {
            message.getStyleClass().add("done");
        } else if (state == State.FAILED || state == State.CANCELLED) {
            message.getStyleClass().add("problem");
        }
    }
}
