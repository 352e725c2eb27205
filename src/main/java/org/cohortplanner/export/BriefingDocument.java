package org.cohortplanner.export;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a briefing report is made of, in the order it is printed: headings, paragraphs, tables and bar charts, every
 * text already written in the reader's language by the caller (the commands or the console), so that this package
 * makes no sentences. {@link BriefingPdf} lays it out on pages.
 *
 * @param title  the document's title (its PDF metadata and every page's footer)
 * @param blocks what the pages show, in order
 */
public record BriefingDocument(String title, List<Block> blocks) {
    public BriefingDocument {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }

    /** One part of the report. */
    public sealed interface Block permits Cover, Heading, Paragraph, Table, BarChart, PageBreak {
    }

    /** The first page: a large title and lines under it. */
    public record Cover(String title, List<String> lines) implements Block {
        public Cover {
            Objects.requireNonNull(title, "title");
            lines = List.copyOf(lines);
        }
    }

    public record Heading(String text) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Text wrapped to the page's width. */
    public record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A table that continues on the next page with its header repeated.
     *
     * @param numeric the columns (from 0) whose cells are right-aligned
     */
    public record Table(List<String> header, List<List<String>> rows, Set<Integer> numeric) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            numeric = Set.copyOf(numeric);
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells for " + header.size()
                            + " columns");
                }
            }
        }
    }

    /**
     * Grouped bars: one group per category, one bar per series.
     *
     * @param categories the labels under the groups (weeks, say)
     * @param series     the bars' names (the legend) and their values, one per category
     */
    public record BarChart(String title, List<String> categories, List<Series> series) implements Block {
        public BarChart {
            Objects.requireNonNull(title, "title");
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            for (Series each : series) {
                if (each.values().size() != categories.size()) {
                    throw new IllegalArgumentException("series " + each.name() + " has " + each.values().size()
                            + " values for " + categories.size() + " categories");
                }
            }
        }
    }

    public record Series(String name, List<Long> values) {
        public Series {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    /** The next block starts on a new page. */
    public record PageBreak() implements Block {
    }
}
