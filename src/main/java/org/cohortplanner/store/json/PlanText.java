package org.cohortplanner.store.json;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a plan, opened afresh for each pass over it (the tree, the records, the positions of a problem). A
 * file's bytes are decoded as they are read, never into one large buffer of characters; a leading byte-order mark
 * is skipped.
 */
interface PlanText {
    Reader open();

    static PlanText of(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return () -> new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    static PlanText of(String text) {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return () -> new StringReader(json);
    }
}
