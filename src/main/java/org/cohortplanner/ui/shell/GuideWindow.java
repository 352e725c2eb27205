package org.cohortplanner.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cohortplanner.ui.common.HangulFont;
import org.cohortplanner.ui.common.Texts;

/**
 * Help › User guide: the bundled guide in the console's language, its sections listed on the left (a click or
 * Enter goes there), the guide on the right. One window, brought to the front when asked for again.
 */
final class GuideWindow {
    static final String GUIDE_ID = "guide";
    static final String SECTIONS_ID = "guide-sections";
    private static final String FOLDER = "/guide/";

    private final Stage stage = new Stage();
    private final GuideDocument document;
    private final ScrollPane scroll;

    GuideWindow(Texts texts, Window owner) {
        boolean korean = ShellView.isKorean(texts.locale());
        Map<String, Optional<Image>> loaded = new HashMap<>();
        document = GuideDocument.of(guideText(korean), path -> loaded.computeIfAbsent(path, GuideWindow::picture));
        scroll = new ScrollPane(document.content());
        scroll.setFitToWidth(true);
        scroll.setId(GUIDE_ID);
        ListView<GuideDocument.Section> sections = new ListView<>();
        sections.setId(SECTIONS_ID);
        sections.getItems().setAll(document.sections().stream().filter(s -> s.level() <= 3).toList());
        sections.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(GuideDocument.Section section, boolean empty) {
                super.updateItem(section, empty);
                setText(empty || section == null ? null : section.title());
                setTooltip(empty || section == null ? null : new Tooltip(section.title()));
                setPadding(new Insets(2, 4, 2, empty || section == null ? 4 : 4 + 12 * (section.level() - 1)));
            }
        });
        sections.getSelectionModel().selectedItemProperty().addListener((observable, before, section) -> {
            if (section != null) {
                show(section);
            }
        });
        SplitPane split = new SplitPane(sections, scroll);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(sections, false);
        HangulFont.apply(split, korean);
        Scene scene = new Scene(split, 1100, 760);
        scene.getStylesheets().add(ShellView.stylesheet());
        stage.setScene(scene);
        stage.setTitle(texts.get("guide.title"));
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    List<GuideDocument.Section> sections() {
        return document.sections();
    }

    /** Scrolls the guide so that {@code section}'s heading is at the top. */
    void show(GuideDocument.Section section) {
        scroll.layout();
        double contentHeight = document.content().getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        double y = document.content().sceneToLocal(section.node().localToScene(0, 0)).getY();
        scroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, y / (contentHeight - viewport)));
    }

    /** The guide's Markdown as bundled from docs/ (user-guide.ko.md for the Korean console). */
    static String guideText(boolean korean) {
        String name = FOLDER + (korean ? "user-guide.ko.md" : "user-guide.md");
        try (InputStream in = GuideWindow.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the user guide " + name + " is not in the console's files");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** A picture the guide names by its path relative to docs/; empty when it is not bundled. */
    static Optional<Image> picture(String path) {
        if (path.contains("..") || path.contains(":")) {
            return Optional.empty();
        }
        var url = GuideWindow.class.getResource(FOLDER + path);
        return url == null ? Optional.empty() : Optional.of(new Image(url.toExternalForm()));
    }
}
