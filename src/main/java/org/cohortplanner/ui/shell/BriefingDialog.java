package org.cohortplanner.ui.shell;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.cohortplanner.store.ScenarioStore.SavedScenario;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.ui.common.HangulFont;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.FxUserDialogs;
import org.cohortplanner.ui.common.Texts;

/**
 * File › Briefing report: what the report holds, as the {@code brief} command's options say it — the plan alone or
 * compared with a saved scenario, the decisions since a day (empty: all of them), and the language.
 */
public final class BriefingDialog implements BriefingChoices {
    static final String COMPARE_ID = "briefing-compare";
    static final String SINCE_ID = "briefing-since";
    static final String LANGUAGE_ID = "briefing-language";

    private final Supplier<Window> owner;
    private final Locale locale;

    public BriefingDialog(Supplier<Window> owner, Locale locale) {
        this.owner = owner;
        this.locale = locale;
    }

    @Override
    public Optional<Chosen> choose(List<SavedScenario> scenarios, Locale language) {
        Texts texts = Texts.of(BriefingDialog.class, locale);
        Dialog<Chosen> dialog = new Dialog<>();
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.setTitle(texts.get("brief.title"));
        dialog.setHeaderText(texts.get("brief.header"));
        dialog.getDialogPane().getStylesheets().add(ShellView.stylesheet());
        HangulFont.apply(dialog.getDialogPane(), ShellView.isKorean(locale));
        ButtonType ok = FxUserDialogs.okButton(locale);
        dialog.getDialogPane().getButtonTypes().setAll(ok, FxUserDialogs.cancelButton(locale));

        List<SavedScenario> offered = new ArrayList<>();
        offered.add(null);
        offered.addAll(scenarios);
        ComboBox<SavedScenario> compare = new ComboBox<>(FXCollections.observableArrayList(offered));
        compare.setId(COMPARE_ID);
        compare.setCellFactory(list -> new ScenarioCell(texts));
        compare.setButtonCell(new ScenarioCell(texts));
        compare.getSelectionModel().selectFirst();

        DatePicker since = Formats.styled(new DatePicker(), texts.locale());
        since.setId(SINCE_ID);
        since.setPromptText(texts.get("brief.since.all"));

        ComboBox<String> languages = new ComboBox<>(FXCollections.observableArrayList(ConsoleSettings.ENGLISH,
                ConsoleSettings.KOREAN));
        languages.setId(LANGUAGE_ID);
        languages.setCellFactory(list -> new LanguageCell(texts));
        languages.setButtonCell(new LanguageCell(texts));
        languages.setValue(ShellView.isKorean(language) ? ConsoleSettings.KOREAN : ConsoleSettings.ENGLISH);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(texts.get("brief.compare")), compare);
        grid.addRow(1, new Label(texts.get("brief.since")), since);
        grid.addRow(2, new Label(texts.get("brief.language")), languages);
        dialog.getDialogPane().setContent(grid);
        dialog.setResultConverter(button -> {
            if (button != ok) {
                return null;
            }
            LocalDate day = since.getValue();
            return new Chosen(compare.getValue(), day, Locale.forLanguageTag(languages.getValue()));
        });
        return dialog.showAndWait();
    }

    /** A scenario as the choice names it: its name, who saved it and when; null is the plan alone. */
    private static final class ScenarioCell extends ListCell<SavedScenario> {
        private final Texts texts;

        ScenarioCell(Texts texts) {
            this.texts = texts;
        }

        @Override
        protected void updateItem(SavedScenario scenario, boolean empty) {
            super.updateItem(scenario, empty);
            if (empty) {
                setText(null);
            } else if (scenario == null) {
                setText(texts.get("brief.compare.none"));
            } else {
                setText(texts.get("brief.compare.scenario", scenario.name(), scenario.savedBy(),
                        Formats.timestamp(scenario.savedAt(), scenario.plan().zone(), texts.locale())));
            }
        }
    }
}
