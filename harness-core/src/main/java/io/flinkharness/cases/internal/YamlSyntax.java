package io.flinkharness.cases.internal;

import com.fasterxml.jackson.core.JsonParseException;
import io.flinkharness.cases.CaseFileException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Explains a YAML syntax error in one line, at the place the YAML parser gave up. Not part of the public API. */
final class YamlSyntax {
    private static final String FIX = "check the indentation and quoting there: a value that contains ': ' or ' #',"
            + " or starts with '{', '[', '*' or '&', needs quotes";

    private YamlSyntax() {
    }

    static CaseFileException explain(JsonParseException e, Problems problems) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            return new CaseFileException(problems.file(), mark.getLine() + 1, mark.getColumn() + 1, FieldPath.ROOT,
                    "YAML syntax: " + yaml.getProblem() + context(yaml), FIX, e);
        }
        return problems.at(e.getLocation(), FieldPath.ROOT, "YAML syntax: " + firstLine(e.getOriginalMessage()),
                FIX, e);
    }

    private static String context(MarkedYAMLException yaml) {
        if (yaml.getContext() == null) {
            return "";
        }
        Mark mark = yaml.getContextMark();
        return " (" + yaml.getContext() + (mark == null ? "" : " that starts at line " + (mark.getLine() + 1)) + ")";
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
