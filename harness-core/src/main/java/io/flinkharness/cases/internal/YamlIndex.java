package io.flinkharness.cases.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a YAML document is (line and column of its key and of its value) and what kind of value
 * it holds, so that problems found after binding can still point into the file. Not part of the public API.
 */
final class YamlIndex {

    /** One value: where its key and the value itself start, and its first token. */
    record Entry(JsonLocation key, JsonLocation value, JsonToken token, String text) {
    }

    /** A YAML document holds the same key twice. */
    static final class DuplicateKeyException extends IOException {
        final String path;
        final JsonLocation first;
        final JsonLocation second;

        DuplicateKeyException(String path, JsonLocation first, JsonLocation second) {
            super("duplicate key " + path);
            this.path = path;
            this.first = first;
            this.second = second;
        }
    }

    /** A file holds more than one YAML document. */
    static final class SecondDocumentException extends IOException {
        final JsonLocation location;

        SecondDocumentException(JsonLocation location) {
            super("second document");
            this.location = location;
        }
    }

    private final Map<String, Entry> entries;

    private YamlIndex(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * Reads the whole document once.
     *
     * @throws IOException the parser's syntax errors, {@link DuplicateKeyException}, {@link SecondDocumentException}
     */
    static YamlIndex read(JsonParser parser) throws IOException {
        Map<String, JsonLocation> keys = new HashMap<>();
        Map<String, Entry> entries = new HashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.FIELD_NAME) {
                String path = FieldPath.of(parser.getParsingContext());
                JsonLocation previous = keys.putIfAbsent(path, parser.currentTokenLocation());
                if (previous != null) {
                    throw new DuplicateKeyException(path, previous, parser.currentTokenLocation());
                }
            } else if (!token.isStructEnd()) {
                boolean start = token.isStructStart();
                String path = FieldPath.of(start ? parser.getParsingContext().getParent() : parser.getParsingContext());
                if (path.isEmpty() && entries.containsKey(FieldPath.ROOT)) {
                    throw new SecondDocumentException(parser.currentTokenLocation());
                }
                entries.put(path, new Entry(keys.get(path), parser.currentTokenLocation(), token,
                        start ? null : parser.getText()));
            }
        }
        return new YamlIndex(entries);
    }

    /** Whether the document has a value at {@code path}. */
    boolean has(String path) {
        return entries.containsKey(path);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Where the value at {@code path} starts, or where its nearest present ancestor does. */
    JsonLocation valueLocation(String path) {
        for (String p = path; ; p = FieldPath.parent(p)) {
            Entry e = entries.get(p);
            if (e != null) {
                return e.value();
            }
            if (p.isEmpty()) {
                return null;
            }
        }
    }

    /** Where the key of {@code path} is, falling back to {@link #valueLocation}. */
    JsonLocation keyLocation(String path) {
        Entry e = entries.get(path);
        return e != null && e.key() != null ? e.key() : valueLocation(path);
    }

    /** The value at {@code path} as a phrase: {@code the text "four"}, {@code a list}; null if absent. */
    String describe(String path) {
        Entry e = entries.get(path);
        if (e == null) {
            return null;
        }
        return switch (e.token()) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "the text \"" + abbreviate(e.text()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + e.text();
            case VALUE_TRUE, VALUE_FALSE -> "the boolean " + e.text();
            case VALUE_NULL -> "nothing (null)";
            default -> e.token().asString();
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
