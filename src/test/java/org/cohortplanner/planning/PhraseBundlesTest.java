package org.cohortplanner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every phrase the code says has its words in English and in Korean, and the two bundles know the same codes. */
class PhraseBundlesTest {
    private static final Pattern LITERAL = Pattern.compile("Phrase\\.of\\(\\s*\"([A-Za-z0-9_.]+)\"");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PhraseFormat.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyCodeWrittenInTheSourcesHasItsWordsInBothLanguages() throws IOException {
        Properties english = bundle("phrases.properties");
        Properties korean = bundle("phrases_ko.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    used.add(literal.group(1));
                }
            }
        }
        // Codes the backend composes of a part of the plan: a cohort, a delivery or a site group changed.
        for (String change : List.of("changed", "added", "removed")) {
            for (String part : List.of("cohorts", "deliveries", "sites")) {
                used.add("audit.api." + change + "." + part);
            }
        }
        assertTrue(used.size() > 50, "the scan found the phrases: " + used.size());
        Set<String> missingEnglish = new TreeSet<>(used);
        missingEnglish.removeAll(english.stringPropertyNames());
        Set<String> missingKorean = new TreeSet<>(used);
        missingKorean.removeAll(korean.stringPropertyNames());
        assertEquals(Set.of(), missingEnglish, "codes without English words");
        assertEquals(Set.of(), missingKorean, "codes without Korean words");
    }

    @Test
    void bothBundlesKnowTheSameCodes() throws IOException {
        assertEquals(new TreeSet<>(bundle("phrases.properties").stringPropertyNames()),
                new TreeSet<>(bundle("phrases_ko.properties").stringPropertyNames()));
    }
}
