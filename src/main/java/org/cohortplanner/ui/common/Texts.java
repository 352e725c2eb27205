package org.cohortplanner.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import org.cohortplanner.domain.KoreanParticles;

/**
 * The visible strings of one screen, from the resource bundle {@code messages} in that screen's package
 * ({@code messages.properties} in English, {@code messages_ko.properties} in Korean). One bundle per package keeps
 * each screen's texts beside its code. A missing key shows as {@code !key!} so a gap is visible, never a crash;
 * a test checks that every key exists in both languages. Korean patterns write a particle after an argument in
 * both forms ({@code {0}을(를)}); the one that fits the argument is kept ({@link KoreanParticles}).
 */
public final class Texts {
    public static final String BUNDLE_NAME = "messages";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final boolean korean;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
        this.korean = locale.getLanguage().equals(Locale.KOREAN.getLanguage());
    }

    /** The texts of {@code screenClass}'s package in {@code locale} (English when there is no bundle for it). */
    public static Texts of(Class<?> screenClass, Locale locale) {
        Objects.requireNonNull(screenClass, "screenClass");
        Objects.requireNonNull(locale, "locale");
        String baseName = screenClass.getPackageName() + "." + BUNDLE_NAME;
        ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, screenClass.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Texts(bundle, locale);
    }

    public Locale locale() {
        return locale;
    }

    /** Whether the bundle has a text for {@code key} (names of things a plan may or may not have). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}, with {@code arguments} filled in as {@link MessageFormat} does. */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException missing) {
            return "!" + key + "!";
        }
        if (arguments.length == 0) {
            return pattern;
        }
        String text = new MessageFormat(pattern, locale).format(arguments);
        return korean ? KoreanParticles.resolve(text) : text;
    }
}
