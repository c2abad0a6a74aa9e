package io.flinkharness.cases.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.flinkharness.cases.CaseFileException;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one case file in three steps, each with its own kind of error: YAML syntax (and duplicate keys), binding
 * to {@link CaseDocument} (unknown fields, wrong types), and the checks that make a valid {@link SqlCase}. Not
 * part of the public API: use {@link io.flinkharness.cases.CaseFiles}.
 */
public final class CaseFileReader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private CaseFileReader() {
    }

    public static SqlCase read(Path file) {
        String text = readText(file);
        YamlIndex index = index(file, text);
        Problems problems = new Problems(file, index);
        if (index.isEmpty()) {
            throw problems.at(null, FieldPath.ROOT, "the file is empty",
                    "a case file needs at least name, topics and dml", null);
        }
        return new CaseAssembler(problems).assemble(bind(text, problems));
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new CaseFileException(file, 0, 0, FieldPath.ROOT, "cannot read: not UTF-8 text",
                    "save the file as UTF-8", e);
        } catch (IOException e) {
            throw new CaseFileException(file, 0, 0, FieldPath.ROOT, "cannot read: " + e, "", e);
        }
    }

    private static YamlIndex index(Path file, String text) {
        Problems noIndex = new Problems(file, null);
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            return YamlIndex.read(parser);
        } catch (YamlIndex.DuplicateKeyException e) {
            throw noIndex.at(e.second, e.path, "appears twice (first at line " + e.first.getLineNr() + ")",
                    "keep one of them", e);
        } catch (YamlIndex.SecondDocumentException e) {
            throw noIndex.at(e.location, FieldPath.ROOT, "a second YAML document starts here",
                    "put one case per file", e);
        } catch (JsonParseException e) {
            throw YamlSyntax.explain(e, noIndex);
        } catch (IOException e) {
            throw new CaseFileException(file, 0, 0, FieldPath.ROOT, "cannot read: " + e, "", e);
        }
    }

    private static CaseDocument bind(String text, Problems problems) {
        try {
            return YAML.readValue(text, CaseDocument.class);
        } catch (JsonProcessingException e) {
            throw BindingErrors.explain(e, problems);
        }
    }
}
