package org.cohortplanner.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses Korean particles after a word that a pattern does not know in advance. A Korean pattern writes the
 * particle in both forms, {@code {0}을(를)}, {@code {0}이(가)}, {@code {0}은(는)}, {@code {0}과(와)} or
 * {@code {0}(으)로}; once the arguments are in, {@link #resolve(String)} keeps the form that fits the sound the
 * word before it ends with: "코호트를", "입고를", "서울로", "인천으로", "1962년생이", "55–59를". A word in Latin
 * letters is read as English ("Moderna를", "Pfizer를", "AZ를"). Where it cannot tell, it keeps the form after a
 * vowel, which reads naturally after most names.
 */
public final class KoreanParticles {
    private static final Pattern PAIRED = Pattern.compile("을\\(를\\)|를\\(을\\)|이\\(가\\)|가\\(이\\)|은\\(는\\)"
            + "|는\\(은\\)|과\\(와\\)|와\\(과\\)|\\(으\\)로|으로\\(로\\)|로\\(으로\\)");
    private static final int HANGUL_FIRST = 0xAC00;
    private static final int HANGUL_LAST = 0xD7A3;
    private static final int FINAL_COUNT = 28;
    private static final int FINAL_RIEUL = 8;

    /** The sound a word ends with, as far as a particle cares. */
    enum Ending {
        VOWEL, CONSONANT, RIEUL
    }

    private KoreanParticles() {
    }

    /** {@code text} with every paired particle replaced by the form that fits the word before it. */
    public static String resolve(String text) {
        if (text == null || text.indexOf('(') < 0) {
            return text;
        }
        Matcher matcher = PAIRED.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            Ending ending = ending(text, matcher.start());
            matcher.appendReplacement(out, Matcher.quoteReplacement(particle(matcher.group(), ending)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String particle(String paired, Ending ending) {
        boolean consonant = ending != Ending.VOWEL;
        return switch (paired) {
            case "을(를)", "를(을)" -> consonant ? "을" : "를";
            case "이(가)", "가(이)" -> consonant ? "이" : "가";
            case "은(는)", "는(은)" -> consonant ? "은" : "는";
            case "과(와)", "와(과)" -> consonant ? "과" : "와";
            default -> ending == Ending.CONSONANT ? "으로" : "로";
        };
    }

    /** How the word that ends just before {@code index} sounds at its end. */
    static Ending ending(String text, int index) {
        int i = index - 1;
        while (i >= 0 && isClosing(text.charAt(i))) {
            char closing = text.charAt(i);
            int opening = closing == ')' ? text.lastIndexOf('(', i) : closing == ']' ? text.lastIndexOf('[', i) : -1;
            // A particle after a note in brackets fits the word before the note: "코호트 55–59(다시 예약)를".
            i = opening > 0 ? opening - 1 : i - 1;
        }
        if (i < 0) {
            return Ending.VOWEL;
        }
        char last = text.charAt(i);
        if (last >= HANGUL_FIRST && last <= HANGUL_LAST) {
            int tail = (last - HANGUL_FIRST) % FINAL_COUNT;
            return tail == 0 ? Ending.VOWEL : tail == FINAL_RIEUL ? Ending.RIEUL : Ending.CONSONANT;
        }
        if (last >= '0' && last <= '9') {
            return digit(text, i);
        }
        if (last == '%') {
            return Ending.VOWEL; // 퍼센트
        }
        if (Character.isLetter(last) && last < 0x80) {
            return latin(text, i);
        }
        return Ending.VOWEL;
    }

    /** A number is read by its last digit, or by 십, 백, 천, 만 when it ends in zeros. */
    private static Ending digit(String text, int i) {
        int zeros = 0;
        int j = i;
        while (j >= 0 && (text.charAt(j) == '0' || text.charAt(j) == ',')) {
            if (text.charAt(j) == '0') {
                zeros++;
            }
            j--;
        }
        boolean number = j >= 0 && Character.isDigit(text.charAt(j));
        if (zeros > 0 && number) {
            return switch (zeros % 4) {
                case 1 -> Ending.CONSONANT; // 십
                case 2 -> Ending.CONSONANT; // 백
                case 3 -> Ending.VOWEL; // 천
                default -> Ending.CONSONANT; // 만, 억
            };
        }
        return switch (text.charAt(i)) {
            case '0', '3', '6' -> Ending.CONSONANT; // 영, 삼, 육
            case '1', '7', '8' -> Ending.RIEUL; // 일, 칠, 팔
            default -> Ending.VOWEL; // 이, 사, 오, 구
        };
    }

    /** A Latin word read as English: "Pfizer" ends in r (read as a vowel), "AZ" in 지, "Seoul" in l. */
    private static Ending latin(String text, int i) {
        int start = i;
        while (start > 0 && Character.isLetter(text.charAt(start - 1)) && text.charAt(start - 1) < 0x80) {
            start--;
        }
        String word = text.substring(start, i + 1);
        boolean acronym = word.length() > 1 && word.chars().allMatch(Character::isUpperCase);
        char last = Character.toLowerCase(text.charAt(i));
        if (acronym || word.length() == 1) {
            return switch (last) {
                case 'l', 'r' -> Ending.RIEUL; // 엘, 알
                case 'm', 'n' -> Ending.CONSONANT; // 엠, 엔
                default -> Ending.VOWEL;
            };
        }
        return switch (last) {
            case 'l' -> Ending.RIEUL;
            case 'm', 'n', 'k', 'p', 't', 'b' -> Ending.CONSONANT;
            case 'g' -> word.toLowerCase(java.util.Locale.ROOT).endsWith("ng") ? Ending.CONSONANT : Ending.VOWEL;
            default -> Ending.VOWEL;
        };
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == ']' || c == '"' || c == '\'' || c == '’' || c == '”' || c == '»' || c == '」'
                || c == '』';
    }
}
