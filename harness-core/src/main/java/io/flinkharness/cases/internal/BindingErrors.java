package io.flinkharness.cases.internal;

import io.flinkharness.internal.Suggestions;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.flinkharness.cases.CaseFileException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's binding errors (unknown field, wrong type) into {@link CaseFileException}s that name the
 * field as the user wrote it and the fix. Not part of the public API.
 */
final class BindingErrors {
    private BindingErrors() {
    }

    static CaseFileException explain(JsonProcessingException e, Problems problems) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, problems);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch, problems);
        }
        String path = e instanceof JsonMappingException m ? FieldPath.of(m.getPath()) : FieldPath.ROOT;
        return problems.at(location(e, path, problems), path, e.getOriginalMessage(), "", e);
    }

    private static CaseFileException unknownField(UnrecognizedPropertyException e, Problems problems) {
        String path = FieldPath.of(e.getPath());
        List<String> known = knownFields(e);
        boolean step = e.getReferringClass() == CaseDocument.StepDocument.class;
        return problems.atKey(path, (step ? "unknown step '" : "unknown field '") + e.getPropertyName() + "'",
                Suggestions.didYouMean(e.getPropertyName(), known, step ? "steps" : "known fields"), e);
    }

    /** The fields of the record that was being bound, in the order they are declared (and documented). */
    private static List<String> knownFields(UnrecognizedPropertyException e) {
        Class<?> type = e.getReferringClass();
        if (type != null && type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toList());
        }
        Collection<Object> ids = e.getKnownPropertyIds();
        return ids == null ? List.of() : ids.stream().map(String::valueOf).sorted().collect(Collectors.toList());
    }

    private static CaseFileException wrongType(MismatchedInputException e, Problems problems) {
        String path = FieldPath.of(e.getPath());
        Class<?> target = e.getTargetType();
        String expected = path.isEmpty() ? "a mapping of the case's fields" : expected(target);
        String got = problems.describe(path);
        String problem = "expected " + expected + (got == null ? "" : ", got " + got);
        String fix = path.isEmpty()
                ? "a case file is a mapping with name, topics, input, ddl, dml and expect"
                : fix(target);
        return problems.at(location(e, path, problems), path, problem, fix, e);
    }

    private static JsonLocation location(JsonProcessingException e, String path, Problems problems) {
        JsonLocation indexed = problems.valueLocation(path);
        return indexed != null ? indexed : e.getLocation();
    }

    private static String expected(Class<?> target) {
        if (target == null || JsonNode.class.isAssignableFrom(target)) {
            return "a value";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (target == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "a mapping";
        }
        return "a " + target.getSimpleName();
    }

    private static String fix(Class<?> target) {
        return switch (expected(target)) {
            case "a whole number" -> "write a whole number without quotes, e.g. 4";
            case "text" -> "write a single value; quote it if it contains ': ', ' #' or starts with '{' or '['";
            case "a list" -> "write a list: one '- item' per line, or [a, b]";
            case "a mapping" -> "write 'name: value' pairs, one per line or in { }";
            default -> "";
        };
    }
}
