package org.cohortplanner.ui.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.planning.PhraseFormat;
import org.cohortplanner.planning.Problem;

/**
 * What the plan checks say, written in the console's language and date style: every screen that lists problems
 * writes them here, so that a problem reads the same on the Cohorts screen, in the cohort editor, on the timeline
 * and on the dashboard, and never in English on the Korean console.
 */
public final class ProblemTexts {
    private final PhraseFormat phrases;

    private ProblemTexts(Locale locale) {
        this.phrases = PhraseFormat.of(locale, new PhraseFormat.Style() {
            @Override
            public String date(LocalDate day) {
                return Formats.date(day, locale);
            }

            @Override
            public String time(LocalDateTime time) {
                return Formats.dateTime(time, locale);
            }

            @Override
            public String dayMonth(LocalDate day) {
                return Formats.dayMonth(day, locale);
            }

            @Override
            public String count(long value) {
                return Formats.count(value, locale);
            }

            @Override
            public String region(String name) {
                return Formats.region(name, locale);
            }
        });
    }

    public Locale locale() {
        return phrases.locale();
    }

    public static ProblemTexts of(Locale locale) {
        return new ProblemTexts(Objects.requireNonNull(locale, "locale"));
    }

    /** What the problem is on: "cohort 55–59", "코호트 55–59". */
    public String subject(Problem problem) {
        return phrases.format(problem.about());
    }

    /** What is wrong. */
    public String detail(Problem problem) {
        return phrases.format(problem.what());
    }

    /** The name of the field a problem is on, as planners call it. */
    public String field(String field) {
        String code = "field." + field;
        return phrases.knows(code) ? phrases.format(Phrase.of(code)) : field;
    }

    /** The whole problem on one line: "cohort 55–59 (booking window): closes ... before it opens ...". */
    public String message(Problem problem) {
        return subject(problem) + " (" + field(problem.field()) + "): " + detail(problem);
    }

    /** Any phrase of the planning layers: a slip's cause, a suggestion and its changes. */
    public String phrase(Phrase phrase) {
        return phrases.format(phrase);
    }

    /**
     * A change for the audit, its action said as {@code what}: written now in this language, and kept as the phrase
     * so that the audit shows it in whatever language it is read in.
     */
    public PlanChange change(String user, Phrase what, String before, String after, String reason) {
        return new PlanChange(user, phrase(what), before, after, reason, what);
    }

    /** The phrase written out, or {@code text} when this version has no pattern for its code (a newer entry). */
    public String phraseOr(Phrase phrase, String text) {
        return phrase == null || !phrases.knows(phrase.code()) ? text : phrase(phrase);
    }

    /** Each phrase written out, in order. */
    public List<String> phrases(List<Phrase> phrases) {
        return phrases.stream().map(this::phrase).toList();
    }
}
