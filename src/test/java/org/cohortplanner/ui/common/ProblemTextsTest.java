package org.cohortplanner.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.PlanValidator;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;

/** Every problem the plan checks can report reads in both languages, and the Korean console shows no English. */
class ProblemTextsTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)([^}]*)}");
    private static final Pattern CODE_USED = Pattern.compile("Phrase\\.of\\(\\s*\"([^\"]+)\"");
    private static final Pattern PAIRED = Pattern.compile("\\((를|을|가|이|는|은|와|과|으)\\)");
    private static final Pattern LATIN_WORDS = Pattern.compile("\\b(?:the|and|is|are|of|not|but|before|after)\\b");

    private static Properties phrases(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Problem.class.getResourceAsStream("phrases" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void everyPhraseHasAKoreanPatternWithTheSameArguments() throws IOException {
        Properties english = phrases("");
        Properties korean = phrases("_ko");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(korean.stringPropertyNames()));
        for (String code : english.stringPropertyNames()) {
            Set<String> inEnglish = arguments(english.getProperty(code));
            Set<String> inKorean = arguments(korean.getProperty(code));
            assertTrue(inEnglish.containsAll(inKorean), code + " writes an argument English does not have");
            // Korean has no plural: a count English only uses to choose "year is" or "years are" may be left out.
            for (String left : inEnglish) {
                assertTrue(inKorean.contains(left) || english.getProperty(code).contains("{" + left + ",choice"),
                        code + " leaves out argument " + left);
            }
        }
    }

    @Test
    void everyCodeTheProgramSaysHasAPattern() throws IOException {
        Properties english = phrases("");
        List<String> missing = new ArrayList<>();
        int used = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = CODE_USED.matcher(Files.readString(source));
                while (matcher.find()) {
                    used++;
                    if (!english.containsKey(matcher.group(1))) {
                        missing.add(source.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertTrue(used > 40, "the plan checks say their problems as codes: " + used);
        assertEquals(List.of(), missing);
    }

    @Test
    void everyKoreanPatternChoosesItsParticles() throws IOException {
        Properties korean = phrases("_ko");
        ProblemTexts texts = ProblemTexts.of(Locale.KOREAN);
        for (String code : korean.stringPropertyNames()) {
            Matcher matcher = ARGUMENT.matcher(korean.getProperty(code));
            List<Object> values = new ArrayList<>();
            while (matcher.find()) {
                int index = Integer.parseInt(matcher.group(1));
                while (values.size() <= index) {
                    values.add(null);
                }
                values.set(index, matcher.group(2).contains("number") ? (Object) 1962 : "서울");
            }
            String text = texts.phrase(new Phrase(code, values.stream().map(v -> v == null ? "" : v).toList()));
            assertFalse(PAIRED.matcher(text).find(), code + ": " + text);
            assertFalse(text.startsWith("!"), code + ": " + text);
        }
    }

    @Test
    void theKoreanConsoleWritesTheProblemsOfABadPlanInKorean() {
        Plan sample = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
        Cohort first = sample.cohorts().get(0);
        Cohort reversed = first.withWindow(new BookingWindow(first.window().closes(), first.window().opens(), null));
        Cohort second = sample.cohorts().get(1).withBrands(new BrandAllocation(Map.of("Pfizer", 0.5)))
                .withEligible(0);
        Cohort copy = first.withId("copy").withName("사본").withBirthYears(BirthCohortRange.of(1900, 1905));
        List<Cohort> cohorts = new ArrayList<>(sample.cohorts());
        cohorts.set(0, reversed);
        cohorts.set(1, second);
        cohorts.add(copy);
        List<Problem> problems = new PlanValidator().validate(sample.withCohorts(cohorts));
        assertTrue(problems.size() >= 4, problems.toString());

        ProblemTexts korean = ProblemTexts.of(Locale.KOREAN);
        for (Problem problem : problems) {
            String text = korean.message(problem);
            assertFalse(text.contains("!"), text);
            assertFalse(PAIRED.matcher(text).find(), text);
            assertFalse(LATIN_WORDS.matcher(text).find(), text);
            assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                    text);
        }
        ProblemTexts english = ProblemTexts.of(Locale.ENGLISH);
        assertTrue(problems.stream().map(english::detail).anyMatch(text -> text.contains("before it opens")),
                problems.toString());
    }

    @Test
    void theSamplesHaveNoProblemWithoutAKoreanText() {
        for (String name : List.of("initial", "as-run")) {
            Plan sample = PlanFiles.read(Path.of("sample-data", "korea-2021-" + name + ".json"));
            for (Problem problem : new PlanValidator().validate(sample)) {
                String text = ProblemTexts.of(Locale.KOREAN).message(problem);
                assertFalse(text.contains("!") || PAIRED.matcher(text).find(), name + ": " + text);
            }
        }
    }
}
