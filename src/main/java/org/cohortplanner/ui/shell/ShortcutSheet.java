package org.cohortplanner.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * Help › Keyboard shortcuts: every shortcut of the console's menus, read from the menus themselves so the sheet
 * cannot say something the menus do not do, and the shortcuts that have no menu item.
 */
final class ShortcutSheet {
    static final String SHEET_ID = "shortcut-sheet";

    /** One line of the sheet: where the command is and its keys. */
    record Shortcut(String command, String keys) {
    }

    private ShortcutSheet() {
    }

    /** The shortcuts of {@code menus}, in menu order, then {@code extra} (already written for the reader). */
    static List<Shortcut> of(List<Menu> menus, List<Shortcut> extra) {
        List<Shortcut> shortcuts = new ArrayList<>();
        for (Menu menu : menus) {
            collect(menu, name(menu.getText()), shortcuts);
        }
        shortcuts.addAll(extra);
        return shortcuts;
    }

    private static void collect(Menu menu, String path, List<Shortcut> into) {
        for (MenuItem item : menu.getItems()) {
            String itemPath = path + " › " + name(item.getText());
            if (item instanceof Menu inner) {
                collect(inner, itemPath, into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(itemPath, item.getAccelerator().getDisplayText()));
            }
        }
    }

    /** A menu text without its mnemonic: "_File" is "File", "도움말(_H)" is "도움말". */
    static String name(String text) {
        return text == null ? "" : text.replaceAll("\\(_.\\)", "").replace("_", "").strip();
    }

    static GridPane grid(List<Shortcut> shortcuts) {
        GridPane grid = new GridPane();
        grid.setId(SHEET_ID);
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut shortcut : shortcuts) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("shortcut-keys");
            // The keys keep their width; the command beside them wraps instead.
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label command = new Label(shortcut.command());
            command.setWrapText(true);
            grid.addRow(row++, keys, command);
        }
        return grid;
    }
}
