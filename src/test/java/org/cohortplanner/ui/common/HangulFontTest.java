package org.cohortplanner.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HangulFontTest {
    @Test
    void takesTheFirstHangulFontThatIsInstalledAndNoneWhenThereIsNone() {
        assertEquals(Optional.of("Noto Sans CJK KR"), HangulFont.choose(Set.of("DejaVu Sans", "Noto Sans CJK KR",
                "Noto Serif CJK KR")), "a Linux machine with Noto CJK but no Nanum");
        assertEquals(Optional.of("Malgun Gothic"), HangulFont.choose(Set.of("Arial", "Malgun Gothic",
                "Noto Sans CJK KR")));
        assertEquals(Optional.empty(), HangulFont.choose(Set.of("DejaVu Sans")),
                "no family is named, so the toolkit's own font and fallback stay");
    }
}
