package org.cohortplanner.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.text.Font;

/**
 * The font family the Korean console writes in: the first Hangul font installed on this computer, in the order
 * planners' machines have them (NanumGothic, Malgun Gothic on Windows, Apple SD Gothic Neo on macOS, Noto Sans CJK
 * KR on Linux). A stylesheet can name only one family, and a family that is not installed makes the toolkit write
 * Hangul as empty boxes, so the family is chosen here from what is installed; with none of them the toolkit's own
 * font (and its fallback) is kept.
 */
public final class HangulFont {
    /** Style class of a console part in Korean (the stylesheet's Korean rules hang on it). */
    public static final String STYLE_CLASS = "korean";
    static final List<String> PREFERRED = List.of("NanumGothic", "Nanum Gothic", "Malgun Gothic",
            "Apple SD Gothic Neo", "Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans KR", "UnDotum",
            "Noto Serif CJK KR");
    private static volatile Optional<String> chosen;

    private HangulFont() {
    }

    /** The first of {@link #PREFERRED} that is installed, if any. */
    public static Optional<String> family() {
        Optional<String> family = chosen;
        if (family == null) {
            family = choose(Set.copyOf(Font.getFamilies()));
            chosen = family;
        }
        return family;
    }

    static Optional<String> choose(Set<String> installed) {
        return PREFERRED.stream().filter(installed::contains).findFirst();
    }

    /** Makes {@code root} and everything in it write in the Hangul font (or takes that away when not Korean). */
    public static void apply(Node root, boolean korean) {
        root.getStyleClass().remove(STYLE_CLASS);
        if (korean) {
            root.getStyleClass().add(STYLE_CLASS);
            family().ifPresent(name -> root.setStyle("-fx-font-family: \"" + name + "\";"));
        } else {
            root.setStyle("");
        }
    }
}
