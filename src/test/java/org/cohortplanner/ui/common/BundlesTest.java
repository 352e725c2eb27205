package org.cohortplanner.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every screen's texts exist in English and in Korean, key for key. */
class BundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        List<Path> englishBundles;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            englishBundles = files.filter(f -> f.getFileName().toString().equals(Texts.BUNDLE_NAME + ".properties"))
                    .toList();
        }
        List<String> gaps = new ArrayList<>();
        for (Path english : englishBundles) {
            Path korean = english.resolveSibling(Texts.BUNDLE_NAME + "_ko.properties");
            assertTrue(Files.exists(korean), "no Korean bundle beside " + english);
            TreeSet<String> englishKeys = keys(english);
            TreeSet<String> koreanKeys = keys(korean);
            for (String key : englishKeys) {
                if (!koreanKeys.contains(key)) {
                    gaps.add(korean + " lacks " + key);
                }
            }
            for (String key : koreanKeys) {
                if (!englishKeys.contains(key)) {
                    gaps.add(english + " lacks " + key);
                }
            }
        }
        assertEquals(List.of(), gaps);
    }

    @Test
    void textsFillInArgumentsAndShowMissingKeys() {
        Texts texts = Texts.of(BundlesTest.class, Locale.ENGLISH);
        assertEquals("!no.such.key!", texts.get("no.such.key"));
        assertFalse(texts.get("test.greeting", "Seoul").contains("{0}"));
        assertEquals("Hello, Seoul", texts.get("test.greeting", "Seoul"));
        assertEquals("안녕하세요, Seoul", Texts.of(BundlesTest.class, Locale.KOREAN).get("test.greeting", "Seoul"));
    }

    private static TreeSet<String> keys(Path bundle) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
