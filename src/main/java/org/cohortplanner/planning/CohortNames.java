package org.cohortplanner.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.Cohort;

/**
 * Names for the parts of a split, in the convention of the parent's name: a parent named by ages ("50–54") gets
 * parts named by ages ("53–54", "50–52"); one named by birth years ("1967–1971") gets parts named by birth years; any
 * other name gets the part's birth years appended. Ages count as in the 2021 campaign: the year of the first
 * vaccination day minus the birth year. Digit parts append "digit 3" or "digits 0–1".
 */
final class CohortNames {
    private static final char[] SEPARATORS = {'–', '-'};

    private CohortNames() {
    }

    static String ages(BirthCohortRange years, int referenceYear) {
        int youngest = years.youngestAgeIn(referenceYear);
        int oldest = years.oldestAgeIn(referenceYear);
        return youngest == oldest ? Integer.toString(youngest) : youngest + "–" + oldest;
    }

    static String digits(Set<Integer> digits) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(digits));
        if (sorted.size() == 1) {
            return "digit " + sorted.get(0);
        }
        boolean contiguous = sorted.get(sorted.size() - 1) - sorted.get(0) == sorted.size() - 1;
        if (contiguous) {
            return "digits " + sorted.get(0) + "–" + sorted.get(sorted.size() - 1);
        }
        StringBuilder text = new StringBuilder("digits ");
        for (int i = 0; i < sorted.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(sorted.get(i));
        }
        return text.toString();
    }

    /** The name of the part of {@code parent} born in {@code years}. */
    static String yearPart(Cohort parent, BirthCohortRange years) {
        int referenceYear = parent.vaccinationPeriod().firstDay().getYear();
        BirthCohortRange whole = parent.birthYears();
        String name = parent.name();
        for (char separator : SEPARATORS) {
            String ofParent = withSeparator(ages(whole, referenceYear), separator);
            if (startsWithLabel(name, ofParent)) {
                return withSeparator(ages(years, referenceYear), separator) + name.substring(ofParent.length());
            }
            ofParent = withSeparator(whole.toString(), separator);
            if (startsWithLabel(name, ofParent)) {
                return withSeparator(years.toString(), separator) + name.substring(ofParent.length());
            }
        }
        return name + " " + years;
    }

    /** The name of the part of {@code parent} whose birth days end in {@code digits}. */
    static String digitPart(Cohort parent, Set<Integer> digits) {
        String name = parent.name();
        if (!parent.allBirthDays()) {
            String ofParent = " " + digits(parent.birthDayDigits());
            if (name.endsWith(ofParent)) {
                name = name.substring(0, name.length() - ofParent.length());
            }
        }
        return name + " " + digits(digits);
    }

    private static boolean startsWithLabel(String name, String label) {
        return name.startsWith(label)
                && (name.length() == label.length() || !Character.isDigit(name.charAt(label.length())));
    }

    private static String withSeparator(String label, char separator) {
        return label.replace('–', separator);
    }
}
