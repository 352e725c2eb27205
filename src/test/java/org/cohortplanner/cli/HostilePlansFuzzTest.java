package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded generator of mutated plans (truncations, type swaps, extreme numbers, hostile text, duplicates, deep
 * nesting), each run through {@code validate} and one other command: every run ends with a documented exit code,
 * a refused plan with a message that has its place, and never with a stack trace or an internal error.
 */
class HostilePlansFuzzTest {
    private static final int PLANS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Object[] EXTREMES = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1e308, -1e308, 1e-300,
        2147483648L, 0.0001, 1_000_000_000_000L, 99999, 1.5, Double.MIN_VALUE};
    private static final String[] TEXTS = {"\uD800", "a\u0000b", "\u202Egnp.exe", "x".repeat(300), "한국어 50–54",
        "\uD83D\uDE00", "", " ", "2021-02-30", "2021-07-19T25:00", "Pfizer", "c53-54", "\u2066name\u2069", "null"};

    @TempDir
    Path folder;

    @Test
    void everyMutatedPlanEndsWithADocumentedExitAndNoStackTrace() throws IOException {
        String base = Files.readString(Path.of("sample-data/korea-2021-initial.json"));
        JsonNode plan = JSON.readTree(base);
        Random random = new Random(20261203L);
        Map<String, Integer> kinds = new TreeMap<>();
        Map<Integer, Integer> validateExits = new TreeMap<>();
        Map<Integer, Integer> otherExits = new TreeMap<>();
        for (int i = 0; i < PLANS; i++) {
            String kind = switch (i % 7) {
                case 0 -> "truncation";
                case 1 -> "type swap";
                case 2 -> "extreme number";
                case 3 -> "hostile text";
                case 4 -> "duplicate";
                case 5 -> "deep nesting";
                default -> "two mutations";
            };
            String text = mutate(kind, base, plan, random);
            Path file = folder.resolve("plan-" + i + ".json");
            Files.write(file, escapeLoneSurrogates(text).getBytes(StandardCharsets.UTF_8));
            kinds.merge(kind, 1, Integer::sum);

            CommandLineRun validate = CommandLineRun.of("validate", file.toString());
            validateExits.merge(validate.exitCode, 1, Integer::sum);
            String what = "plan " + i + " (" + kind + "): " + validate;
            assertTrue(Set.of(0, 1, 2).contains(validate.exitCode), what);
            assertNoStackTrace(validate, what);
            if (validate.exitCode == 2) {
                assertHasPlace(file, validate.err, what);
            }

            String[] other = other(i, file);
            CommandLineRun run = CommandLineRun.of(other);
            otherExits.merge(run.exitCode, 1, Integer::sum);
            String otherWhat = "plan " + i + " (" + kind + ") " + other[0] + ": " + run;
            assertTrue(Set.of(0, 1, 2).contains(run.exitCode), otherWhat);
            assertNoStackTrace(run, otherWhat);
            if (validate.exitCode == 2) {
                assertEquals(2, run.exitCode, otherWhat);
                assertTrue(run.err.contains(validate.err.strip()), "the same message as validate: " + otherWhat);
            }
        }
        System.out.println("Fuzzed plans by kind " + kinds + "; validate exits " + validateExits
                + "; other commands' exits " + otherExits);
        assertTrue(validateExits.getOrDefault(2, 0) > 0 && validateExits.size() > 1, "the mutations reach both "
                + "readable and unreadable plans: " + validateExits);
    }

    /** A lone surrogate cannot be written as UTF-8; in the file it is the JSON escape a hostile file would use. */
    private static String escapeLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String[] other(int i, Path file) {
        switch (i % 10) {
            case 3:
                return new String[] {"simulate", file.toString()};
            case 7:
                return new String[] {"export", file.toString(), "--out", folder.resolve("out-" + i + ".xlsx")
                    .toString(), "--sheets", "cohorts,schedule"};
            default:
                return i % 2 == 0 ? new String[] {"schedule", "--json", file.toString()}
                    : new String[] {"schedule", file.toString()};
        }
    }

    private static void assertNoStackTrace(CommandLineRun run, String what) {
        String all = run.out + run.err;
        assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("com.fasterxml")
                || all.contains("java.lang."), what);
    }

    private static void assertHasPlace(Path file, String err, String what) {
        String line = err.strip();
        assertFalse(line.contains("\n"), "one line: " + what);
        boolean wholeFile = line.endsWith("the file is empty; a plan file is a JSON object { ... }")
                || line.endsWith("is not UTF-8 text; a plan file is UTF-8 JSON");
        Pattern place = Pattern.compile(Pattern.quote(file.toString()) + (wholeFile ? ": " : ":\\d+:\\d+: ") + ".+");
        assertTrue(place.matcher(line).matches(), "FILE:LINE:COLUMN: what: " + what);
    }

    private static String mutate(String kind, String base, JsonNode plan, Random random) {
        switch (kind) {
            case "truncation":
                return base.substring(0, random.nextInt(base.length()));
            case "deep nesting": {
                int depth = 10 + random.nextInt(2000);
                ObjectNode copy = plan.deepCopy();
                String nested = "[".repeat(depth) + "]".repeat(depth);
                String text = copy.toString();
                int at = text.indexOf("\"description\":") + "\"description\":".length();
                return text.substring(0, at) + nested + text.substring(text.indexOf(",", at));
            }
            case "two mutations": {
                JsonNode copy = plan.deepCopy();
                mutateTree(random.nextInt(4), copy, random);
                mutateTree(random.nextInt(4), copy, random);
                return copy.toString();
            }
            default: {
                JsonNode copy = plan.deepCopy();
                mutateTree(List.of("type swap", "extreme number", "hostile text", "duplicate").indexOf(kind), copy,
                        random);
                return copy.toString();
            }
        }
    }

    private static void mutateTree(int kind, JsonNode root, Random random) {
        List<JsonNode[]> places = new ArrayList<>();
        collect(root, places);
        List<JsonNode[]> fitting = places.stream().filter(p -> switch (kind) {
            case 1 -> p[1].isNumber();
            case 2 -> p[1].isTextual();
            case 3 -> p[1].isArray() && p[1].size() > 0;
            default -> true;
        }).toList();
        if (fitting.isEmpty()) {
            return;
        }
        JsonNode[] place = fitting.get(random.nextInt(fitting.size()));
        JsonNode replacement = switch (kind) {
            case 0 -> List.<JsonNode>of(NODES.textNode("many"), NODES.numberNode(7), NODES.numberNode(0.5),
                    NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode())
                    .get(random.nextInt(7));
            case 1 -> number(EXTREMES[random.nextInt(EXTREMES.length)]);
            case 2 -> NODES.textNode(TEXTS[random.nextInt(TEXTS.length)]);
            default -> {
                ArrayNode list = ((ArrayNode) place[1]).deepCopy();
                list.add(list.get(random.nextInt(list.size())).deepCopy());
                yield list;
            }
        };
        replace(place[0], place[1], replacement);
    }

    private static JsonNode number(Object value) {
        if (value instanceof Integer n) {
            return NODES.numberNode(n);
        }
        if (value instanceof Long n) {
            return NODES.numberNode(n);
        }
        return NODES.numberNode((Double) value);
    }

    /** Every value with its parent, as {parent, value}. */
    private static void collect(JsonNode node, List<JsonNode[]> places) {
        Iterator<JsonNode> children = node.elements();
        while (children.hasNext()) {
            JsonNode child = children.next();
            places.add(new JsonNode[] {node, child});
            collect(child, places);
        }
    }

    private static void replace(JsonNode parent, JsonNode old, JsonNode replacement) {
        if (parent instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (e.getValue() == old) {
                    e.setValue(replacement);
                }
            });
        } else if (parent instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) == old) {
                    array.set(i, replacement);
                }
            }
        }
    }
}
