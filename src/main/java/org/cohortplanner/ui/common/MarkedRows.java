package org.cohortplanner.ui.common;

import java.util.function.Predicate;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** Rows of a table marked for the stylesheet: a pseudo-class on every row whose item is one to point out. */
public final class MarkedRows {
    private MarkedRows() {
    }

    /** Gives the rows of {@code table} whose item passes {@code marked} the pseudo-class {@code pseudoClass}. */
    public static <T> void mark(TableView<T> table, String pseudoClass, Predicate<T> marked) {
        PseudoClass state = PseudoClass.getPseudoClass(pseudoClass);
        table.setRowFactory(ignored -> new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(state, !empty && item != null && marked.test(item));
            }
        });
    }
}
