package org.cohortplanner.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cohortplanner.simulation.NightCalibration;

/**
 * Reads a file of figures observed on one booking night, the input of {@code calibrate}
 * (docs/simulation-output.md, "Observed nights"). A file that cannot be used is refused with its name, the field and
 * what is wrong, as a {@link PlanFileException}.
 */
public final class ObservedNightFiles {
    /** Largest observed file read. */
    public static final long FILE_BYTES = 1024 * 1024;
    /** Most observations a file may hold. */
    public static final int OBSERVATIONS = 1_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, NightCalibration.Kind> KINDS = Map.of(
            "bookedBy", NightCalibration.Kind.BOOKED_BY,
            "suspendedAt", NightCalibration.Kind.SUSPENDED_AT,
            "shownWait", NightCalibration.Kind.SHOWN_WAIT,
            "sessionsInHour", NightCalibration.Kind.SESSIONS_IN_HOUR);
    private static final Set<String> TOP_FIELDS = Set.of("night", "observations");
    private static final Set<String> FIELDS = Set.of("kind", "at", "value", "weight", "source");

    /** A night's observations and what the file calls the night. */
    public record ObservedNight(String night, List<NightCalibration.Observation> observations) {
        public ObservedNight {
            night = night == null ? "" : night;
            observations = List.copyOf(observations);
        }
    }

    private ObservedNightFiles() {
    }

    public static ObservedNight read(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new PlanFileException(source, "is a folder, not an observed-night file", null);
            }
            if (Files.size(file) > FILE_BYTES) {
                throw new PlanFileException(source, "an observed-night file may be at most 1 MB", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PlanFileException(source, "no such file", e);
        } catch (IOException e) {
            throw new PlanFileException(source, "cannot read the file: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new PlanFileException(source, "", line, column, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PlanFileException(source, "cannot read the file: " + e.getMessage(), e);
        }
        return parse(root, source);
    }

    static ObservedNight parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw problem(source, "", "an observed-night file is a JSON object { \"observations\": [ ... ] }");
        }
        unknownFields(root, TOP_FIELDS, "", source);
        JsonNode night = root.get("night");
        if (night != null && !night.isTextual()) {
            throw problem(source, "night", "must be text (what the night was)");
        }
        JsonNode list = root.get("observations");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw problem(source, "observations", "must be a list of at least one observation");
        }
        if (list.size() > OBSERVATIONS) {
            throw problem(source, "observations", "holds " + list.size() + " observations; at most "
                    + OBSERVATIONS);
        }
        List<NightCalibration.Observation> observations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            observations.add(observation(list.get(i), "observations[" + i + "]", source));
        }
        return new ObservedNight(night == null ? "" : night.asText(), observations);
    }

    private static NightCalibration.Observation observation(JsonNode node, String path, String source) {
        if (!node.isObject()) {
            throw problem(source, path, "must be an object with kind, at, value and source");
        }
        unknownFields(node, FIELDS, path, source);
        JsonNode kindNode = node.get("kind");
        NightCalibration.Kind kind = kindNode == null || !kindNode.isTextual() ? null : KINDS.get(kindNode.asText());
        if (kind == null) {
            throw problem(source, path + ".kind", "must be one of bookedBy, suspendedAt, shownWait, sessionsInHour");
        }
        JsonNode atNode = node.get("at");
        LocalDateTime at;
        try {
            at = atNode == null || !atNode.isTextual() ? null : LocalDateTime.parse(atNode.asText());
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            throw problem(source, path + ".at", "must be a local time in the plan's zone, e.g. 2021-07-12T15:30");
        }
        double value = 0;
        JsonNode valueNode = node.get("value");
        if (kind != NightCalibration.Kind.SUSPENDED_AT) {
            if (valueNode == null || !valueNode.isNumber() || !(valueNode.asDouble() > 0)
                    || !Double.isFinite(valueNode.asDouble()) || valueNode.asDouble() > 1e12) {
                throw problem(source, path + ".value", "must be a number above 0 (people, minutes or sessions) "
                        + "and at most 10^12");
            }
            value = valueNode.asDouble();
        } else if (valueNode != null) {
            throw problem(source, path + ".value", "a suspension has no value: its time is the figure");
        }
        double weight = 1;
        JsonNode weightNode = node.get("weight");
        if (weightNode != null) {
            if (!weightNode.isNumber() || !(weightNode.asDouble() > 0) || weightNode.asDouble() > 1000) {
                throw problem(source, path + ".weight", "must be a number above 0 and at most 1000");
            }
            weight = weightNode.asDouble();
        }
        JsonNode sourceNode = node.get("source");
        if (sourceNode == null || !sourceNode.isTextual() || sourceNode.asText().isBlank()) {
            throw problem(source, path + ".source", "must say where the figure was reported");
        }
        return new NightCalibration.Observation(kind, at, value, weight, sourceNode.asText());
    }

    private static void unknownFields(JsonNode node, Set<String> known, String path, String source) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw problem(source, path.isEmpty() ? name : path + "." + name, "unknown field; known fields are "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static PlanFileException problem(String source, String path, String text) {
        return new PlanFileException(source, path, 0, 0, text, null);
    }
}
