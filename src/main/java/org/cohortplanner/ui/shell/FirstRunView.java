package org.cohortplanner.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.ui.common.HangulFont;
import org.cohortplanner.ui.common.Texts;

/**
 * The first screen of a new console (no settings saved yet): which plan to start with — one of the two 2021 sample
 * plans or a new empty plan — and in which language. Changing the language rewrites the screen at once.
 */
public final class FirstRunView {
    public static final String ROOT_ID = "first-run";
    public static final String LANGUAGE_ID = "first-run-language";
    public static final String START_ID = "first-run-start";
    public static final String TITLE_ID = "first-run-title";

    private final StackPane root = new StackPane();
    private final Path dataFolder;
    private final BiConsumer<StartingPlan, String> onStart;
    private StartingPlan chosen = StartingPlan.INITIAL_SAMPLE;
    private String language;

    /**
     * @param languageTag the language to start in ("" for the system's)
     * @param onStart     called once with the chosen plan and language when the user presses Start
     */
    public FirstRunView(String languageTag, Path dataFolder, BiConsumer<StartingPlan, String> onStart) {
        this.language = Objects.requireNonNull(languageTag, "languageTag");
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
        this.onStart = Objects.requireNonNull(onStart, "onStart");
        root.setId(ROOT_ID);
        root.getStyleClass().addAll("console", "first-run");
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        Locale locale = new ConsoleSettings(null, null, language, "", null).locale(Locale.getDefault());
        Texts texts = Texts.of(FirstRunView.class, locale);
        HangulFont.apply(root, ShellView.isKorean(locale));

        Label title = new Label(texts.get("firstRun.title"));
        title.setId(TITLE_ID);
        title.getStyleClass().add("screen-title");
        Label intro = new Label(texts.get("firstRun.intro"));
        intro.setWrapText(true);

        ComboBox<String> languages = new ComboBox<>(FXCollections.observableArrayList(List.of(
                ConsoleSettings.SYSTEM_LANGUAGE, ConsoleSettings.ENGLISH, ConsoleSettings.KOREAN)));
        languages.setId(LANGUAGE_ID);
        languages.setCellFactory(list -> new LanguageCell(texts));
        languages.setButtonCell(new LanguageCell(texts));
        languages.setValue(language);
        languages.valueProperty().addListener((observable, before, after) -> {
            if (after != null && !after.equals(language)) {
                language = after;
                build();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(12, title, spacer, new Label(texts.get("firstRun.language")), languages);
        heading.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup plans = new ToggleGroup();
        VBox choices = new VBox(10);
        for (StartingPlan plan : StartingPlan.values()) {
            RadioButton choice = new RadioButton(texts.get("firstRun." + plan.textKey()));
            choice.setId(plan.choiceId());
            choice.getStyleClass().add("first-run-choice-name");
            choice.setToggleGroup(plans);
            choice.setSelected(plan == chosen);
            choice.selectedProperty().addListener((observable, before, selected) -> {
                if (selected) {
                    chosen = plan;
                }
            });
            Label detail = new Label(texts.get("firstRun." + plan.textKey() + ".detail"));
            detail.setWrapText(true);
            detail.getStyleClass().add("screen-summary");
            VBox card = new VBox(4, choice, detail);
            card.getStyleClass().add("first-run-choice");
            card.setOnMouseClicked(event -> choice.setSelected(true));
            choices.getChildren().add(card);
        }

        Label folder = new Label(texts.get("firstRun.dataFolder", dataFolder.toString()));
        folder.setWrapText(true);
        folder.getStyleClass().add("screen-summary");
        Button start = new Button(texts.get("firstRun.start"));
        start.setId(START_ID);
        start.setDefaultButton(true);
        start.getStyleClass().add("first-run-start");
        start.setOnAction(event -> onStart.accept(chosen, language));
        HBox footer = new HBox(start);
        footer.setAlignment(Pos.CENTER_RIGHT);

        VBox panel = new VBox(16, heading, intro, choices, folder, footer);
        panel.getStyleClass().add("first-run-panel");
        panel.setPadding(new Insets(28, 32, 24, 32));
        panel.setMaxWidth(760);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        root.getChildren().setAll(panel);
        start.requestFocus();
    }
}
