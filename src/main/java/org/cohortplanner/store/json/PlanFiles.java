package org.cohortplanner.store.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanLimits;
import org.cohortplanner.files.AtomicFiles;
import org.cohortplanner.store.json.PlanDocument.PlanJson;

/**
 * Reads and writes plan files (docs/plan-format.md, formatVersion 2; files of version 1 still open). Reading is strict: unknown fields, wrong
 * types, impossible dates and broken references fail with a {@link PlanFileException} whose message names the
 * file, line:column, JSON path and what is wrong. Writing is pretty-printed in a fixed field order, so that plan
 * files diff well, and replaces the file atomically so that a crash never leaves half a plan behind.
 */
public final class PlanFiles {
    /** The format this version writes. */
    public static final int FORMAT_VERSION = PlanMapper.FORMAT_VERSION;
    /**
     * The oldest format still read: version 1 files open with lead time 0, national allotment in proportion to
     * appointments, no transfers and no allocation rules.
     */
    public static final int OLDEST_FORMAT_VERSION = PlanMapper.FIRST_FORMAT_VERSION;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(PlanLimits.NESTING_DEPTH)
                    .maxStringLength((int) PlanLimits.FILE_BYTES)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("plan-numbers").addSerializer(Double.class, new WholeNumberSerializer()))
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private PlanFiles() {
    }

    /** Reads the plan file at {@code file}. */
    public static Plan read(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new PlanFileException(source, "is a folder, not a plan file", null);
            }
            long size = Files.size(file);
            if (size > PlanLimits.FILE_BYTES) {
                throw tooLarge(source, size);
            }
            bytes = Files.readAllBytes(file);
            if (bytes.length > PlanLimits.FILE_BYTES) {
                throw tooLarge(source, bytes.length);
            }
        } catch (NoSuchFileException e) {
            throw new PlanFileException(source, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new PlanFileException(source, "cannot read the file: permission denied", e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new PlanFileException(source, "is a folder, not a plan file", e);
            }
            throw new PlanFileException(source, "cannot read the file: " + reason(e), e);
        }
        return parse(checked(bytes, source), source);
    }

    /** Reads a plan from {@code in} (not closed); {@code sourceName} names it in messages. */
    public static Plan read(InputStream in, String sourceName) {
        try {
            byte[] bytes = in.readNBytes((int) PlanLimits.FILE_BYTES + 1);
            if (bytes.length > PlanLimits.FILE_BYTES) {
                throw tooLarge(sourceName, bytes.length);
            }
            return parse(checked(bytes, sourceName), sourceName);
        } catch (IOException e) {
            throw new PlanFileException(sourceName, "cannot read: " + reason(e), e);
        }
    }

    /**
     * The formatVersion written in the plan file at {@code file}, or empty when it has none that can be read; the
     * console uses it to say that a version 1 file was opened with the documented defaults.
     */
    public static OptionalInt formatVersionOf(Path file) {
        try {
            if (Files.size(file) > PlanLimits.FILE_BYTES) {
                return OptionalInt.empty();
            }
            JsonNode version = MAPPER.readTree(Files.readAllBytes(file)).get("formatVersion");
            return version != null && version.canConvertToInt() && version.isIntegralNumber()
                    ? OptionalInt.of(version.intValue()) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** Reads a plan from JSON text; {@code sourceName} names it in messages (a file name, a URL). */
    public static Plan fromJson(String json, String sourceName) {
        if (json.length() > PlanLimits.FILE_BYTES) {
            throw tooLarge(sourceName, json.length());
        }
        if (json.isBlank() || json.equals("\uFEFF")) {
            throw empty(sourceName);
        }
        return parse(PlanText.of(json), sourceName);
    }

    private static PlanFileException tooLarge(String source, long bytes) {
        return new PlanFileException(source, "the plan is " + megabytes(bytes) + "; a plan file may be at most "
                + megabytes(PlanLimits.FILE_BYTES) + " (the plan format's limits)", null);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, bytes % (1024 * 1024) == 0 ? "%.0f MB" : "%.1f MB",
                bytes / (1024.0 * 1024));
    }

    private static PlanFileException empty(String source) {
        return new PlanFileException(source, "the file is empty; a plan file is a JSON object { ... }", null);
    }

    /** Reads a plan from JSON text, naming it "plan JSON" in messages. */
    public static Plan fromJson(String json) {
        return fromJson(json, "plan JSON");
    }

    /** The plan as the text of a plan file, pretty-printed, fields in the documented order, ending in a newline. */
    public static String toJson(Plan plan) {
        try {
            return WRITER.writeValueAsString(PlanMapper.toDocument(plan)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a plan could not be turned into JSON", e);
        }
    }

    /**
     * Writes {@code plan} to {@code file} in one step ({@link AtomicFiles}), so that readers see either the old file
     * or the new one, never a part, and an existing file keeps its permissions.
     */
    public static void write(Plan plan, Path file) {
        Objects.requireNonNull(plan, "plan");
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        byte[] bytes = toJson(plan).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(target, true, out -> out.write(bytes));
        } catch (NoSuchFileException e) {
            throw new PlanFileException(file.toString(), "cannot write the plan: folder " + folder
                    + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new PlanFileException(file.toString(), "cannot write the plan: permission denied", e);
        } catch (IOException e) {
            throw new PlanFileException(file.toString(), "cannot write the plan: " + reason(e), e);
        }
    }

    /**
     * The bytes as a plan's text, once it is known that they are UTF-8 and not blank: decoded piece by piece, so
     * that a large file is never held as characters as well as bytes.
     */
    private static PlanText checked(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        boolean blank = true;
        boolean flushed = false;
        while (true) {
            CoderResult result = flushed ? decoder.flush(out) : decoder.decode(in, out, true);
            if (result.isError()) {
                throw new PlanFileException(source, "is not UTF-8 text; a plan file is UTF-8 JSON", null);
            }
            out.flip();
            while (blank && out.hasRemaining()) {
                char c = out.get();
                blank = Character.isWhitespace(c) || c == '\uFEFF';
            }
            out.clear();
            if (result.isUnderflow()) {
                if (flushed) {
                    break;
                }
                flushed = true;
            }
        }
        if (blank) {
            throw empty(source);
        }
        return PlanText.of(bytes);
    }

    private static Plan parse(PlanText text, String source) {
        JsonNode tree;
        try (Reader reader = text.open()) {
            tree = MAPPER.readTree(reader);
        } catch (JacksonException e) {
            throw translate(e, text, source);
        } catch (IOException e) {
            throw new PlanFileException(source, "cannot read: " + reason(e), e);
        }
        if (!tree.isObject()) {
            throw located(JsonPath.root(), "a plan file is a JSON object { ... }, but this is "
                    + JsonLocations.of(text, FACTORY).foundAt(JsonPath.root()).orElse("something else"), text, source,
                    null);
        }
        checkFormatVersion(tree.get("formatVersion"), text, source);
        PlanJson document;
        try (Reader reader = text.open()) {
            document = MAPPER.readValue(reader, PlanJson.class);
        } catch (JacksonException e) {
            throw translate(e, text, source);
        } catch (IOException e) {
            throw new PlanFileException(source, "cannot read: " + reason(e), e);
        }
        try {
            return PlanMapper.toPlan(document);
        } catch (MappingFailure e) {
            throw located(e.path(), e.problem(), text, source, e);
        }
    }

    /** Checked before anything else: a newer file's other fields would only produce confusing complaints. */
    private static void checkFormatVersion(JsonNode version, PlanText text, String source) {
        JsonPath path = JsonPath.root().field("formatVersion");
        if (version == null || version.isNull()) {
            throw located(path, "required field is missing; this version of Cohort Planner reads formatVersion "
                    + FORMAT_VERSION, text, source, null);
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw located(path, "expected a whole number, found "
                    + JsonLocations.of(text, FACTORY).foundAt(path).orElse(version.toString()), text, source, null);
        }
        if (version.intValue() < OLDEST_FORMAT_VERSION || version.intValue() > FORMAT_VERSION) {
            throw located(path, "unsupported formatVersion " + version.intValue() + "; this version of Cohort "
                    + "Planner reads formatVersion " + OLDEST_FORMAT_VERSION + " to " + FORMAT_VERSION
                    + (version.intValue() > FORMAT_VERSION ? " (the file was written by a newer version)" : ""),
                    text, source, null);
        }
    }

    private static PlanFileException located(JsonPath path, String problem, PlanText text, String source,
                                             Throwable cause) {
        JsonLocations locations = JsonLocations.of(text, FACTORY);
        JsonLocations.Position position = locations.positionOf(path).orElse(null);
        return new PlanFileException(source, path.toString(), position == null ? 0 : position.line(),
                position == null ? 0 : position.column(), problem, cause);
    }

    private static PlanFileException translate(JacksonException e, PlanText text, String source) {
        JsonLocations locations = JsonLocations.of(text, FACTORY);
        JsonLocations.Position reported = JsonLocations.Position.of(e.getLocation());
        if (e instanceof JsonEOFException || (e instanceof StreamReadException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Unexpected end-of-input"))) {
            JsonPath open = locations.openAtEnd();
            return at(source, open, reported, "the file ends before " + (open.isRoot() ? "the plan" : "this value")
                    + " is closed (is the file cut off?)", e);
        }
        if (e instanceof StreamConstraintsException) {
            JsonPath open = locations.openAtEnd();
            JsonLocations.Position position = reported != null ? reported : locations.positionOf(open).orElse(null);
            String problem = e.getOriginalMessage() != null && e.getOriginalMessage().contains("nesting depth")
                    ? "objects and lists are nested more than " + PlanLimits.NESTING_DEPTH + " deep here; a plan "
                    + "file nests at most " + PlanLimits.NESTING_DEPTH + " levels (the plan format's limits)"
                    : "a value here is beyond what a plan file may hold (the plan format's limits)";
            return at(source, open, position, problem, e);
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return at(source, JsonPath.root(), reported, "there is more text after the end of the plan", e);
        }
        if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException) {
            JsonPath path = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? pathOf(mapping)
                    : reported == null ? locations.openAtEnd() : locations.pathAt(reported).orElse(JsonPath.root());
            reported = locations.positionOf(path).orElse(reported);
            return at(source, path, reported, "the number " + locations.foundAt(path).map(f -> f.replace(
                    "the whole number ", "")).orElse("") + " is too large", e);
        }
        if (e instanceof StreamReadException) {
            return at(source, locations.openAtEnd(), reported, syntaxProblem(e.getOriginalMessage()), e);
        }
        if (e instanceof JsonMappingException mapping) {
            JsonPath path = pathOf(mapping);
            JsonLocations.Position position = locations.positionOf(path).orElse(reported);
            return at(source, path, position, mappingProblem(mapping, path, locations), e);
        }
        return at(source, JsonPath.root(), reported, "not a readable plan: " + e.getOriginalMessage(), e);
    }

    private static PlanFileException at(String source, JsonPath path, JsonLocations.Position position,
                                        String problem, Throwable cause) {
        return new PlanFileException(source, path.toString(), position == null ? 0 : position.line(),
                position == null ? 0 : position.column(), problem, cause);
    }

    private static JsonPath pathOf(JsonMappingException e) {
        JsonPath path = JsonPath.root();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path = path.index(reference.getIndex());
            } else if (reference.getFieldName() != null) {
                path = path.field(reference.getFieldName());
            }
        }
        return path;
    }

    private static String syntaxProblem(String message) {
        String text = message == null ? "" : message.replaceAll(" \\(code \\d+\\)", "");
        if (text.startsWith("Duplicate field ")) {
            return "field " + text.substring("Duplicate field ".length()) + " appears twice in this object";
        }
        int newline = text.indexOf('\n');
        return "not valid JSON: " + (newline < 0 ? text : text.substring(0, newline));
    }

    private static String mappingProblem(JsonMappingException e, JsonPath path, JsonLocations locations) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "unknown field '" + unknown.getPropertyName() + "'"
                    + (known == null || known.isEmpty() ? "" : "; fields allowed here: "
                    + known.stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        }
        String found = locations.foundAt(path).orElse("something else");
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            if (found.startsWith("null")) {
                return "expected " + expected(mismatch.getTargetType()) + ", found null";
            }
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                return "there is more text after the end of the plan";
            }
            return "expected " + expected(mismatch.getTargetType()) + ", found " + found;
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return "there is more text after the end of the plan";
        }
        return "cannot read this value (" + found + ")";
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text in double quotes";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list [ ... ]";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || JsonNode.class.isAssignableFrom(type)) {
            return "an object { ... }";
        }
        return "a different kind of value";
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    /** Writes 300000.0 as 300000, as people write it; fractions stay as they are. */
    private static final class WholeNumberSerializer extends StdSerializer<Double> {
        WholeNumberSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            double number = value;
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                generator.writeNumber((long) number);
            } else {
                generator.writeNumber(number);
            }
        }
    }
}
