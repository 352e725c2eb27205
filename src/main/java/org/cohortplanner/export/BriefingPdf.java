package org.cohortplanner.export;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.cohortplanner.files.AtomicFiles;

/**
 * Writes a {@link BriefingDocument} as an A4 PDF (Apache PDFBox). Every text is set in the bundled Korean font, a
 * subset of Noto Sans CJK KR (SIL Open Font License, see {@code fonts/OFL.txt}) that has Latin letters too, embedded
 * as a subset of the glyphs the report uses. The file is written next to the target and moved into place when it is
 * complete, so a failure leaves nothing behind.
 */
public final class BriefingPdf {
    /** The font every text is set in (TrueType outlines, which PDFBox can subset). */
    public static final String FONT_RESOURCE = "/org/cohortplanner/export/fonts/NotoSansKR-Subset.ttf";

    private static final float MARGIN = 50;
    private static final float BODY = 10;
    private static final float LEADING = 1.45f;
    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    private static final Color LINE = new Color(0xd1, 0xd5, 0xdb);
    private static final Color[] BARS = {new Color(0x25, 0x63, 0xeb), new Color(0x93, 0xc5, 0xfd),
        new Color(0x16, 0xa3, 0x4a), new Color(0xf5, 0x9e, 0x0b), new Color(0xb9, 0x1c, 0x1c)};

    private BriefingPdf() {
    }

    /**
     * @param replaceExisting whether an existing file at {@code target} is replaced
     * @throws WorkbookTargetExistsException when the target exists and may not be replaced
     * @throws WorkbookExportException       when the file cannot be written, saying why
     */
    public static void write(BriefingDocument document, Path target, boolean replaceExisting)
            throws WorkbookExportException {
        Path absolute = target.toAbsolutePath();
        if (!replaceExisting && Files.exists(absolute)) {
            throw new WorkbookTargetExistsException(absolute);
        }
        try (PDDocument pdf = new PDDocument()) {
            new Layout(pdf, loadFont(pdf), document.title()).draw(document);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(document.title());
            info.setCreator("Cohort Planner");
            AtomicFiles.write(absolute, replaceExisting, pdf::save);
        } catch (FileAlreadyExistsException e) {
            throw new WorkbookTargetExistsException(absolute);
        } catch (IOException e) {
            throw new WorkbookTargetException(WorkbookTarget.cannotWrite(absolute, e), e);
        }
    }

    private static PDFont loadFont(PDDocument pdf) throws WorkbookExportException, IOException {
        try (InputStream in = BriefingPdf.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new WorkbookExportException("the report's font " + FONT_RESOURCE + " is missing from this "
                        + "build");
            }
            return PDType0Font.load(pdf, in, true);
        }
    }

    /** Puts blocks on pages from the top down, starting a new page when the next line does not fit. */
    private static final class Layout {
        private final PDDocument pdf;
        private final PDFont font;
        private final String footer;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private final Map<Integer, Float> widths = new HashMap<>();
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream page;
        private float y;
        private int pages;

        Layout(PDDocument pdf, PDFont font, String footer) {
            this.pdf = pdf;
            this.font = font;
            this.footer = footer;
        }

        void draw(BriefingDocument document) throws IOException {
            newPage();
            for (BriefingDocument.Block block : document.blocks()) {
                if (block instanceof BriefingDocument.Cover cover) {
                    cover(cover);
                } else if (block instanceof BriefingDocument.Heading heading) {
                    need(BODY * 5);
                    y -= BODY;
                    text(heading.text(), MARGIN, y - 14, 14, INK);
                    y -= 14 * LEADING + 4;
                } else if (block instanceof BriefingDocument.Paragraph paragraph) {
                    for (String line : wrap(paragraph.text(), BODY, width)) {
                        need(BODY * LEADING);
                        text(line, MARGIN, y - BODY, BODY, INK);
                        y -= BODY * LEADING;
                    }
                    y -= BODY * 0.6f;
                } else if (block instanceof BriefingDocument.Table table) {
                    table(table);
                } else if (block instanceof BriefingDocument.BarChart chart) {
                    chart(chart);
                } else if (block instanceof BriefingDocument.PageBreak) {
                    newPage();
                }
            }
            finishPage();
        }

        private void cover(BriefingDocument.Cover cover) throws IOException {
            y -= 200;
            for (String line : wrap(cover.title(), 26, width)) {
                text(line, MARGIN, y - 26, 26, INK);
                y -= 26 * 1.3f;
            }
            y -= 16;
            for (String line : cover.lines()) {
                for (String wrapped : wrap(line, 12, width)) {
                    text(wrapped, MARGIN, y - 12, 12, MUTED);
                    y -= 12 * LEADING;
                }
            }
            newPage();
        }

        private void table(BriefingDocument.Table table) throws IOException {
            int columns = table.header().size();
            float[] widths = new float[columns];
            for (int c = 0; c < columns; c++) {
                widths[c] = textWidth(table.header().get(c), BODY) + 8;
                for (List<String> row : table.rows()) {
                    widths[c] = Math.max(widths[c], textWidth(row.get(c), BODY) + 8);
                }
            }
            fairShares(widths);
            float total = 0;
            for (float w : widths) {
                total += w;
            }
            float rowHeight = BODY * LEADING + 2;
            need(rowHeight * 2);
            header(table, widths, rowHeight);
            for (List<String> row : table.rows()) {
                if (y - rowHeight < MARGIN + 20) {
                    newPage();
                    header(table, widths, rowHeight);
                }
                row(row, widths, rowHeight, table, INK);
                line(MARGIN, y, MARGIN + Math.min(total, width), y, LINE);
            }
            y -= BODY;
        }

        /** Narrow columns keep their width; the wide ones share what is left of the page equally. */
        private void fairShares(float[] widths) {
            Integer[] order = new Integer[widths.length];
            for (int c = 0; c < order.length; c++) {
                order[c] = c;
            }
            Arrays.sort(order, (a, b) -> Float.compare(widths[a], widths[b]));
            float remaining = width;
            for (int i = 0; i < order.length; i++) {
                float share = remaining / (order.length - i);
                if (widths[order[i]] > share) {
                    for (int j = i; j < order.length; j++) {
                        widths[order[j]] = share;
                    }
                    return;
                }
                remaining -= widths[order[i]];
            }
        }

        private void header(BriefingDocument.Table table, float[] widths, float rowHeight) throws IOException {
            row(table.header(), widths, rowHeight, table, MUTED);
            float total = 0;
            for (float w : widths) {
                total += w;
            }
            line(MARGIN, y, MARGIN + total, y, MUTED);
        }

        private void row(List<String> cells, float[] widths, float rowHeight, BriefingDocument.Table table,
                         Color color) throws IOException {
            float x = MARGIN;
            for (int c = 0; c < cells.size(); c++) {
                String cell = fit(cells.get(c), BODY, widths[c] - 6);
                float at = table.numeric().contains(c) ? x + widths[c] - 4 - textWidth(cell, BODY) : x + 2;
                text(cell, at, y - BODY - 1, BODY, color);
                x += widths[c];
            }
            y -= rowHeight;
        }

        private void chart(BriefingDocument.BarChart chart) throws IOException {
            float height = 200;
            need(height + 60);
            text(chart.title(), MARGIN, y - 11, 11, INK);
            y -= 11 * LEADING + 6;
            long max = 1;
            for (BriefingDocument.Series series : chart.series()) {
                for (long value : series.values()) {
                    max = Math.max(max, value);
                }
            }
            float axisLeft = MARGIN + 50;
            float bottom = y - height;
            float plotWidth = width - 50;
            line(axisLeft, bottom, axisLeft + plotWidth, bottom, MUTED);
            line(axisLeft, bottom, axisLeft, y, MUTED);
            for (int tick = 0; tick <= 4; tick++) {
                long value = max * tick / 4;
                float at = bottom + height * tick / 4;
                String label = String.format("%,d", value);
                text(label, axisLeft - 4 - textWidth(label, 7), at - 2, 7, MUTED);
                if (tick > 0) {
                    line(axisLeft, at, axisLeft + plotWidth, at, LINE);
                }
            }
            int groups = Math.max(1, chart.categories().size());
            float groupWidth = plotWidth / groups;
            int bars = Math.max(1, chart.series().size());
            float barWidth = Math.max(1, (groupWidth - 4) / bars);
            for (int g = 0; g < chart.categories().size(); g++) {
                float x = axisLeft + g * groupWidth + 2;
                for (int s = 0; s < chart.series().size(); s++) {
                    long value = chart.series().get(s).values().get(g);
                    float barHeight = height * value / max;
                    page.setNonStrokingColor(BARS[s % BARS.length]);
                    page.addRect(x + s * barWidth, bottom, barWidth * 0.9f, barHeight);
                    page.fill();
                }
                if (g % Math.max(1, groups / 8) == 0) {
                    text(fit(chart.categories().get(g), 7, groupWidth * Math.max(1, groups / 8)), x,
                            bottom - 10, 7, MUTED);
                }
            }
            y = bottom - 22;
            float x = axisLeft;
            for (int s = 0; s < chart.series().size(); s++) {
                page.setNonStrokingColor(BARS[s % BARS.length]);
                page.addRect(x, y, 8, 8);
                page.fill();
                String name = chart.series().get(s).name();
                text(name, x + 11, y, 8, INK);
                x += 20 + textWidth(name, 8);
            }
            y -= 20;
        }

        private void need(float height) throws IOException {
            if (y - height < MARGIN + 20) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            finishPage();
            PDPage added = new PDPage(PDRectangle.A4);
            pdf.addPage(added);
            page = new PDPageContentStream(pdf, added);
            pages++;
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void finishPage() throws IOException {
            if (page == null) {
                return;
            }
            String number = footer + " · " + pages;
            text(number, MARGIN, MARGIN - 20, 8, MUTED);
            page.close();
            page = null;
        }

        private void text(String text, float x, float atY, float size, Color color) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.setNonStrokingColor(color);
            page.newLineAtOffset(x, atY);
            page.showText(printable(text));
            page.endText();
        }

        private void line(float x1, float y1, float x2, float y2, Color color) throws IOException {
            page.setStrokingColor(color);
            page.setLineWidth(0.5f);
            page.moveTo(x1, y1);
            page.lineTo(x2, y2);
            page.stroke();
        }

        /**
         * The font's widths add up glyph by glyph, so each character's is measured once: a briefing of thousands of
         * cohorts fits tens of thousands of table cells, and the font's own measure reads its character map anew for
         * every character of every try.
         */
        private float textWidth(String text, float size) throws IOException {
            String shown = printable(text);
            float width = 0;
            for (int i = 0; i < shown.length(); ) {
                int code = shown.codePointAt(i);
                i += Character.charCount(code);
                Float glyph = widths.get(code);
                if (glyph == null) {
                    glyph = font.getStringWidth(new String(Character.toChars(code)));
                    widths.put(code, glyph);
                }
                width += glyph;
            }
            return width / 1000 * size;
        }

        /** The text with each character the font has no glyph for replaced by '?'. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                if (c == '\n' || c == '\t') {
                    out.append(' ');
                    return;
                }
                boolean has = printable.computeIfAbsent(c, code -> {
                    try {
                        font.encode(new String(Character.toChars(code)));
                        return true;
                    } catch (IllegalArgumentException | IOException missing) {
                        return false;
                    }
                });
                out.appendCodePoint(has ? c : '?');
            });
            return out.toString();
        }

        private String fit(String text, float size, float room) throws IOException {
            if (textWidth(text, size) <= room) {
                return text;
            }
            String shortened = text;
            while (shortened.length() > 1 && textWidth(shortened + "…", size) > room) {
                shortened = shortened.substring(0, shortened.length() - 1);
            }
            return shortened + "…";
        }

        private List<String> wrap(String text, float size, float room) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" ")) {
                    String tried = line.length() == 0 ? word : line + " " + word;
                    if (textWidth(tried, size) <= room || line.length() == 0) {
                        line.setLength(0);
                        line.append(tried);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                        line.append(word);
                    }
                }
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
