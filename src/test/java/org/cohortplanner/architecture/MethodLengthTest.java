package org.cohortplanner.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No method or constructor in the product is longer than {@value #LIMIT} lines, from its declaration line (after
 * its annotations) to its closing brace. The methods still being shortened are allowed at most their length of
 * today; an allowance that is no longer needed fails too, so that the list only shrinks.
 */
class MethodLengthTest {
    static final int LIMIT = 80;
    private static final Path SOURCES = Path.of("src/main/java");

    /**
     * Class.method → its length when it was allowed, for a method still being shortened (in backend, cli or ui);
     * empty since the console's and the backend's long methods were split.
     */
    private static final Map<String, Integer> ALLOWED = Map.of();

    @Test
    void noMethodOfTheProductIsLongerThanTheLimit() throws IOException {
        Map<String, Integer> lengths = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                longMethods(Files.readString(file), file.toString())
                        .forEach((method, lines) -> lengths.merge(method, lines, Math::max));
            }
        }
        assertEquals(List.of(), problems(lengths, ALLOWED), "methods over " + LIMIT + " lines (split them along "
                + "their steps; an allowance shrinks only)");
    }

    @Test
    void theCheckSeesTheWholeProduct() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            assertTrue(files.filter(f -> f.toString().endsWith(".java")).count() > 300);
        }
    }

    @Test
    void aMethodOfEightyOneLinesIsTooLong() {
        Map<String, Integer> found = longMethods(source("work", LIMIT + 1), "Sample.java");
        assertEquals(Map.of("Sample.work", 81), found);
        assertEquals(List.of("Sample.work (81 lines)"), problems(found, Map.of()));
    }

    @Test
    void aMethodOfEightyLinesPasses() {
        assertEquals(Map.of(), longMethods(source("work", LIMIT), "Sample.java"));
    }

    @Test
    void annotationsAboveTheDeclarationDoNotCount() {
        String source = source("work", LIMIT).replace("    void work() {",
                "    @Deprecated\n    @SuppressWarnings(\"x\")\n    void work() {");
        assertEquals(Map.of(), longMethods(source, "Sample.java"));
    }

    @Test
    void constructorsAndMethodsOfNestedClassesCountToo() {
        String source = "class Outer {\n" + body("Outer()", LIMIT + 1) + "    static class Inner {\n"
                + body("Inner(int x)", LIMIT + 2) + "    }\n    record Pair(int a) {\n" + body("Pair", LIMIT + 3)
                + "    }\n}\n";
        assertEquals(Map.of("Outer.Outer", 81, "Inner.Inner", 82, "Pair.Pair", 83),
                longMethods(source, "Outer.java"));
    }

    @Test
    void anAllowanceHoldsAMethodAtItsLengthAndFailsWhenNoLongerNeeded() {
        Map<String, Integer> found = Map.of("Sample.work", 90);
        assertEquals(List.of(), problems(found, Map.of("Sample.work", 90)));
        assertEquals(List.of("Sample.work (90 lines, allowed 85)"), problems(found, Map.of("Sample.work", 85)));
        assertEquals(List.of("Sample.rest is allowed 95 lines but no longer needs an allowance: remove it"),
                problems(Map.of(), Map.of("Sample.rest", 95)));
    }

    /** Class.method → lines of every method and constructor of {@code source} longer than the limit. */
    static Map<String, Integer> longMethods(String source, String name) {
        ParseResult<CompilationUnit> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source);
        CompilationUnit unit = parsed.getResult().filter(u -> parsed.isSuccessful())
                .orElseThrow(() -> new AssertionError("cannot parse " + name + ": " + parsed.getProblems()));
        Map<String, Integer> found = new TreeMap<>();
        for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
            List<Node> parts = new ArrayList<>(callable.getModifiers());
            parts.addAll(callable.getTypeParameters());
            parts.add(callable.getName());
            if (callable instanceof MethodDeclaration method) {
                parts.add(method.getType());
            }
            measure(found, callable, parts);
        }
        for (CompactConstructorDeclaration compact : unit.findAll(CompactConstructorDeclaration.class)) {
            List<Node> parts = new ArrayList<>(compact.getModifiers());
            parts.add(compact.getName());
            measure(found, compact, parts);
        }
        return found;
    }

    private static void measure(Map<String, Integer> found, Node callable, List<Node> declaration) {
        int first = declaration.stream().map(Node::getBegin).flatMap(Optional::stream)
                .mapToInt(position -> position.line).min().orElseThrow();
        int last = callable.getEnd().orElseThrow().line;
        int lines = last - first + 1;
        if (lines > LIMIT) {
            String type = callable.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString()).orElse("?");
            String name = callable instanceof CallableDeclaration<?> c ? c.getNameAsString()
                    : ((CompactConstructorDeclaration) callable).getNameAsString();
            found.merge(type + "." + name, lines, Math::max);
        }
    }

    static List<String> problems(Map<String, Integer> found, Map<String, Integer> allowed) {
        List<String> problems = new ArrayList<>();
        found.forEach((method, lines) -> {
            Integer allowance = allowed.get(method);
            if (allowance == null) {
                problems.add(method + " (" + lines + " lines)");
            } else if (lines > allowance) {
                problems.add(method + " (" + lines + " lines, allowed " + allowance + ")");
            }
        });
        allowed.keySet().stream().filter(method -> !found.containsKey(method)).sorted()
                .forEach(method -> problems.add(method + " is allowed " + allowed.get(method)
                        + " lines but no longer needs an allowance: remove it"));
        return problems;
    }

    /** A class with one method {@code name} of {@code lines} lines, declaration to closing brace. */
    private static String source(String name, int lines) {
        return "class Sample {\n" + body("void " + name + "()", lines) + "}\n";
    }

    private static String body(String declaration, int lines) {
        String statements = Stream.generate(() -> "        count++;\n").limit(lines - 2L)
                .collect(Collectors.joining());
        return "    " + declaration + " {\n" + statements + "    }\n";
    }
}
