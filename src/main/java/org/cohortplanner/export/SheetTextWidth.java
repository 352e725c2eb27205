package org.cohortplanner.export;

/**
 * Estimates how wide a value looks in a cell, in widths of a digit, from the value itself: autoSizeColumn would
 * need every row in memory, which a streamed sheet no longer has. Hangul and other East Asian characters take
 * two widths.
 */
final class SheetTextWidth {
    private SheetTextWidth() {
    }

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += isWide(codePoint) ? 2 : 1;
            i += Character.charCount(codePoint);
        }
        return width;
    }

    /** Width of a whole number shown with thousands separators. */
    static int ofInteger(long value) {
        long magnitude = value == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(value);
        int digits = magnitude == 0 ? 1 : (int) Math.floor(Math.log10(magnitude)) + 1;
        return digits + (digits - 1) / 3 + (value < 0 ? 1 : 0);
    }

    private static boolean isWide(int codePoint) {
        return codePoint >= 0x1100 && (codePoint <= 0x115F
                || codePoint >= 0x2E80 && codePoint <= 0xA4CF
                || codePoint >= 0xAC00 && codePoint <= 0xD7A3
                || codePoint >= 0xF900 && codePoint <= 0xFAFF
                || codePoint >= 0xFE30 && codePoint <= 0xFE4F
                || codePoint >= 0xFF00 && codePoint <= 0xFF60
                || codePoint >= 0xFFE0 && codePoint <= 0xFFE6
                || codePoint >= 0x20000 && codePoint <= 0x3FFFD);
    }
}
