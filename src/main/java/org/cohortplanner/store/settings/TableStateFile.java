package org.cohortplanner.store.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.cohortplanner.files.AtomicFiles;

/**
 * How the user left the console's tables — column widths and sort order, per table — kept beside the settings file
 * ({@value #FILE_NAME}) so that they come back after a language switch, an undo and a restart. A file that cannot be
 * read gives the tables their defaults; one that cannot be written loses only the layout, never work.
 */
public final class TableStateFile {
    public static final String FILE_NAME = "tables.properties";
    private static final int MOST_COLUMNS = 64;

    /**
     * One table's layout: the widths of its leaf columns, in order, and its sort order as the leaf columns' indexes
     * with their direction.
     */
    public record TableState(List<Double> widths, List<SortKey> sort) {
        public TableState {
            widths = List.copyOf(widths);
            sort = List.copyOf(sort);
        }
    }

    /** One column of a sort order: the leaf column's index, and whether it sorts descending. */
    public record SortKey(int column, boolean descending) {
    }

    private final Path file;
    private final Map<String, TableState> states = new ConcurrentHashMap<>();

    private TableStateFile(Path file) {
        this.file = file;
    }

    /** The layouts kept beside {@code settings} (none yet when the file is missing or unreadable). */
    public static TableStateFile beside(SettingsFile settings) {
        TableStateFile tables = new TableStateFile(settings.file().resolveSibling(FILE_NAME));
        tables.read();
        return tables;
    }

    public Path file() {
        return file;
    }

    public Optional<TableState> get(String table) {
        return Optional.ofNullable(states.get(table));
    }

    /** Keeps a table's layout and writes the file; a failed write is only reported. */
    public boolean put(String table, TableState state) {
        states.put(table, state);
        return write();
    }

    private void read() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            return;
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.endsWith(".widths")) {
                String table = key.substring(0, key.length() - ".widths".length());
                parse(properties.getProperty(key), properties.getProperty(table + ".sort", ""))
                        .ifPresent(state -> states.put(table, state));
            }
        }
    }

    private static Optional<TableState> parse(String widths, String sort) {
        try {
            List<Double> columns = new ArrayList<>();
            for (String width : widths.split(",")) {
                double value = Double.parseDouble(width.strip());
                if (!(value > 0 && value < 10_000) || columns.size() >= MOST_COLUMNS) {
                    return Optional.empty();
                }
                columns.add(value);
            }
            List<SortKey> keys = new ArrayList<>();
            for (String key : sort.split(",")) {
                if (key.isBlank()) {
                    continue;
                }
                boolean descending = key.strip().endsWith("-");
                int column = Integer.parseInt(key.strip().replaceAll("[+-]$", ""));
                if (column < 0 || column >= columns.size()) {
                    return Optional.empty();
                }
                keys.add(new SortKey(column, descending));
            }
            return Optional.of(new TableState(columns, keys));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private synchronized boolean write() {
        Properties properties = new Properties();
        new TreeMap<>(states).forEach((table, state) -> {
            properties.setProperty(table + ".widths", String.join(",", state.widths().stream()
                    .map(width -> String.valueOf(Math.round(width * 10) / 10.0)).toList()));
            properties.setProperty(table + ".sort", String.join(",", state.sort().stream()
                    .map(key -> key.column() + (key.descending() ? "-" : "+")).toList()));
        });
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, true, out -> properties.store(out, "Cohort Planner: how the tables were left"));
            return true;
        } catch (IOException notWritten) {
            return false;
        }
    }
}
