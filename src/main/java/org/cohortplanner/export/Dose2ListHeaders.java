package org.cohortplanner.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers and sheet title of the dose-2 change list in English and Korean, keyed by
 * {@link Dose2ChangeList#COLUMNS}: one set for the command line's {@code --list-language} and the console's language.
 */
public final class Dose2ListHeaders {
    public static final List<String> LANGUAGES = List.of("en", "ko");

    private static final Map<String, String> ENGLISH = Map.ofEntries(Map.entry("cohort", "cohort"),
            Map.entry("region", "region"), Map.entry("people", "people"), Map.entry("brandTold", "brand told"),
            Map.entry("firstDoseTold", "first dose told"), Map.entry("secondDoseTold", "second dose told"),
            Map.entry("brandNow", "brand now"), Map.entry("firstDoseNow", "first dose now"),
            Map.entry("secondDoseNow", "second dose now"), Map.entry("daysMoved", "days moved"),
            Map.entry("group", "group"));

    /** The glossary's words (docs/glossary.md): a named group is a 지정 집단. */
    private static final Map<String, String> KOREAN = Map.ofEntries(Map.entry("cohort", "코호트"),
            Map.entry("region", "지역"), Map.entry("people", "인원"), Map.entry("brandTold", "안내한 백신"),
            Map.entry("firstDoseTold", "안내한 1차 접종일"), Map.entry("secondDoseTold", "안내한 2차 접종일"),
            Map.entry("brandNow", "변경된 백신"), Map.entry("firstDoseNow", "변경된 1차 접종일"),
            Map.entry("secondDoseNow", "변경된 2차 접종일"), Map.entry("daysMoved", "변경 일수"),
            Map.entry("group", "지정 집단"));

    private Dose2ListHeaders() {
    }

    /** The headers in {@code language} ("en", "ko"); English for any other. */
    public static Map<String, String> of(String language) {
        return "ko".equals(language) ? KOREAN : ENGLISH;
    }

    /** The headers in the language of {@code locale}. */
    public static Map<String, String> of(Locale locale) {
        return of(locale.getLanguage());
    }

    public static String title(String language) {
        return "ko".equals(language) ? "2차 접종일 변경" : "Dose-2 changes";
    }
}
