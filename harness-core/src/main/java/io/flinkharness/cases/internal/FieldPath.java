package io.flinkharness.cases.internal;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Field paths as users read them: {@code input.clicks[3].timestamp}. The same text is built from the YAML
 * parser's position and from Jackson's binding errors, so that one can look up the other. Not part of the
 * public API.
 */
final class FieldPath {
    static final String ROOT = "";

    private FieldPath() {
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path of the value the context is at. */
    static String of(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = ROOT;
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path = index(path, c.getCurrentIndex());
            } else if (c.getCurrentName() != null) {
                path = field(path, c.getCurrentName());
            }
        }
        return path;
    }

    /** The path of a binding error. */
    static String of(List<JsonMappingException.Reference> references) {
        String path = ROOT;
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                path = field(path, r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path = index(path, r.getIndex());
            }
        }
        return path;
    }

    /** The path one level up: {@code input.clicks} for {@code input.clicks[3]}; ROOT for a top-level field. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? ROOT : path.substring(0, cut);
    }
}
