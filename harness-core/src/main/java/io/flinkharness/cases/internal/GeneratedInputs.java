package io.flinkharness.cases.internal;

import io.flinkharness.cases.internal.CaseDocument.InputDocument;
import io.flinkharness.cases.internal.CaseDocument.TopicDocument;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratorException;
import io.flinkharness.data.GeneratorSpec;
import io.flinkharness.data.GeneratorSpecException;
import io.flinkharness.data.GeneratorSpecs;
import io.flinkharness.data.SchemaResolver;
import io.flinkharness.run.SqlCase;
import java.util.List;
import java.util.Map;

/**
 * The {@code generate:} section of a case file: one generator per topic, checked and run when the file loads, so
 * a bad rule is reported with its line before anything starts. Not part of the public API.
 */
final class GeneratedInputs {
    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("^field '([^']+)'");

    private final Problems problems;
    private final SchemaResolver schemas;

    GeneratedInputs(Problems problems, SchemaResolver schemas) {
        this.problems = problems;
        this.schemas = schemas;
    }

    void add(Map<String, GeneratorSpec> generate, Map<String, List<InputDocument>> input,
            Map<String, TopicDocument> topics, SqlCase.Builder builder) {
        if (generate == null) {
            return;
        }
        generate.forEach((topic, spec) -> {
            String path = FieldPath.field("generate", topic);
            if (!topics.containsKey(topic)) {
                throw problems.atKey(path, CaseAssembler.notDeclared(topic),
                        CaseAssembler.declaredTopics(topic, topics.keySet()), null);
            }
            if (input != null && input.containsKey(topic)) {
                throw problems.atKey(path, "topic '" + topic + "' has both input and generate",
                        "put the explicit records under generate." + topic + ".rows, or drop one of them", null);
            }
            if (spec == null) {
                throw problems.atValue(path, "empty generator", "give at least schema: { table: " + topic + " }");
            }
            builder.input(topic, generate(path, spec, topics.get(topic).partitions()));
        });
    }

    private GeneratedData generate(String path, GeneratorSpec spec, int partitions) {
        try {
            return GeneratorSpecs.toGenerator(spec, schemas, partitions).generate();
        } catch (GeneratorSpecException e) {
            throw problems.atValue(path + "." + e.path(), e.problem(), e.fix());
        } catch (GeneratorException e) {
            String first = e.problems().get(0);
            java.util.regex.Matcher field = FIELD.matcher(first);
            String at = field.find() && problems.has(path + ".fields." + field.group(1))
                    ? path + ".fields." + field.group(1) : path;
            throw problems.atValue(at, String.join("; ", e.problems()), "", e);
        } catch (RuntimeException e) {
            // anything else the generator or a schema source throws stays a problem of this file alone
            throw problems.atValue(path, String.valueOf(e.getMessage()), "", e);
        }
    }
}
