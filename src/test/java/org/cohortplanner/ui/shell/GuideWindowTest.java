package org.cohortplanner.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.cohortplanner.ui.common.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Help › User guide shows the bundled guide in the console's language; Help › Keyboard shortcuts reads the menus. */
class GuideWindowTest {
    private static final Pattern PICTURE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }

    /** The headings of a Markdown text, read line by line outside code blocks. */
    private static List<String> headings(String markdown) {
        List<String> headings = new ArrayList<>();
        boolean code = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                code = !code;
            } else if (!code && line.matches("#{1,6} .*")) {
                headings.add(line.replaceFirst("#+ ", "").replace("`", "").replace("*", "").strip());
            }
        }
        return headings;
    }

    @Test
    void bothGuidesShowEveryHeadingAndEveryPictureTheyName() throws Exception {
        for (boolean korean : List.of(false, true)) {
            String markdown = GuideWindow.guideText(korean);
            GuideWindow window = onFx(() -> new GuideWindow(Texts.of(ShellView.class,
                    korean ? Locale.KOREAN : Locale.ENGLISH), null));

            assertEquals(headings(markdown), window.sections().stream().map(GuideDocument.Section::title).toList());
            Matcher pictures = PICTURE.matcher(markdown);
            int named = 0;
            while (pictures.find()) {
                named++;
                assertTrue(GuideWindow.picture(pictures.group(1)).isPresent(), "not bundled: " + pictures.group(1));
            }
            assertTrue(named > 5, "pictures named: " + named);
        }
    }

    @Test
    void theKoreanConsoleShowsTheKoreanGuideWithTheSameSections() throws Exception {
        GuideWindow english = onFx(() -> new GuideWindow(Texts.of(ShellView.class, Locale.ENGLISH), null));
        GuideWindow korean = onFx(() -> new GuideWindow(Texts.of(ShellView.class, Locale.KOREAN), null));

        assertEquals(english.sections().size(), korean.sections().size());
        assertTrue(korean.sections().stream().skip(1).allMatch(s -> s.title().codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)
                        || s.title().matches("[0-9. ]+.*")),
                korean.sections().stream().map(GuideDocument.Section::title).toList().toString());
        assertEquals("코호트 플래너 사용 안내서", korean.stage().getTitle());
    }

    @Test
    void choosingASectionScrollsTheGuideToIt() throws Exception {
        GuideWindow window = onFx(() -> {
            GuideWindow shown = new GuideWindow(Texts.of(ShellView.class, Locale.ENGLISH), null);
            shown.show();
            return shown;
        });
        ScrollPane scroll = (ScrollPane) window.stage().getScene().lookup("#" + GuideWindow.GUIDE_ID);
        GuideDocument.Section last = window.sections().get(window.sections().size() - 1);
        GuideDocument.Section first = window.sections().get(0);

        double atLast = onFx(() -> {
            window.show(last);
            return scroll.getVvalue();
        });
        double atFirst = onFx(() -> {
            window.show(first);
            return scroll.getVvalue();
        });

        assertTrue(atLast > 0.8, "at the last section: " + atLast);
        assertTrue(atFirst < 0.01, "at the first section: " + atFirst);
    }

    @Test
    void theShortcutSheetListsWhatTheMenusDo() throws Exception {
        List<ShortcutSheet.Shortcut> shortcuts = onFx(() -> {
            MenuItem open = new MenuItem("계획 파일 열기(_O)…");
            open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
            MenuItem none = new MenuItem("정보");
            MenuItem english = new MenuItem("English");
            english.setAccelerator(new KeyCodeCombination(KeyCode.F1));
            Menu language = new Menu("_Language", null, english);
            return ShortcutSheet.of(List.of(new Menu("파일(_F)", null, open, none), new Menu("_View", null, language)),
                    List.of(new ShortcutSheet.Shortcut("Redo", "Ctrl+Y")));
        });

        assertEquals(3, shortcuts.size(), shortcuts.toString());
        assertEquals("파일 › 계획 파일 열기…", shortcuts.get(0).command());
        assertEquals(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN).getDisplayText(),
                shortcuts.get(0).keys());
        assertEquals("View › Language › English", shortcuts.get(1).command());
        assertEquals("Redo", shortcuts.get(2).command());
    }
}
