package io.flinkharness.cases.internal;

import io.flinkharness.internal.Suggestions;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.flinkharness.cases.CaseFileException;
import io.flinkharness.cases.LoadedCase;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a case file in three steps, each with its own kind of error: YAML syntax (and duplicate keys), binding
 * to {@link CaseDocument} (unknown fields, wrong types), and the checks that make a valid {@link SqlCase}.
 *
 * <p>A file holds one case (its fields at the top), or several: {@code cases:} a list of cases and optionally
 * {@code shared:} the fields every case starts from. A case of a file with several that does not load is reported
 * alone; the other cases of the file still load. Not part of the public API: use
 * {@link io.flinkharness.cases.CaseFiles}.
 */
public final class CaseFileReader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    private static final String CASES = "cases";
    private static final String SHARED = "shared";
    private static final List<String> SUITE_FIELDS = List.of(SHARED, CASES);

    private CaseFileReader() {
    }

    /**
     * The one case of a file.
     *
     * @throws CaseFileException if the file does not load, or holds more than one case
     */
    public static SqlCase read(Path file) {
        List<LoadedCase> cases = readAll(file);
        if (cases.size() != 1) {
            throw new CaseFileException(file, 1, 1, CASES, "the file holds " + cases.size() + " cases",
                    "read it with CaseFiles.loadAll, which returns every case of a file", null);
        }
        LoadedCase only = cases.get(0);
        return only.sqlCase().orElseThrow(() -> only.error().orElseThrow());
    }

    /** Every case of a file: loaded, or the problem that kept it from loading. */
    public static List<LoadedCase> readAll(Path file) {
        String text;
        YamlIndex index;
        JsonNode root;
        try {
            text = readText(file);
            index = index(file, text);
            if (index.isEmpty()) {
                throw new Problems(file, index).at(null, FieldPath.ROOT, "the file is empty",
                        "a case file needs at least name, topics and dml", null);
            }
            root = tree(text, new Problems(file, index));
        } catch (CaseFileException e) {
            return List.of(LoadedCase.failed(e));
        }
        Problems problems = new Problems(file, index);
        if (!root.isObject() || !root.has(CASES)) {
            return List.of(load(file, () -> new CaseAssembler(problems).assemble(bind(root, problems))));
        }
        return suite(file, root, problems);
    }

    private static List<LoadedCase> suite(Path file, JsonNode root, Problems problems) {
        CaseDocument shared;
        JsonNode cases = root.get(CASES);
        try {
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!SUITE_FIELDS.contains(name)) {
                    throw problems.atKey(name, "unknown field '" + name + "' next to cases",
                            Suggestions.didYouMean(name, SUITE_FIELDS, "fields of a file with several cases")
                                    + "; fields every case shares go under shared:, a case's own under its entry"
                                    + " in cases:", null);
                }
            }
            if (!cases.isArray() || cases.isEmpty()) {
                throw problems.atValue(CASES, cases.isArray() ? "no cases" : "expected a list, got "
                        + problems.describe(CASES), "write one '- name: ...' entry per case");
            }
            Problems sharedProblems = problems.scoped(p -> FieldPath.field(SHARED, p));
            shared = root.has(SHARED) ? bind(root.get(SHARED), sharedProblems) : null;
            if (shared != null && shared.name() != null) {
                throw sharedProblems.atKey("name", "a shared name", "give each case its own name in cases:", null);
            }
        } catch (CaseFileException e) {
            return List.of(LoadedCase.failed(e));
        }
        List<LoadedCase> loaded = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String prefix = FieldPath.index(CASES, i);
            Problems own = problems.scoped(p -> p.isEmpty() ? prefix : FieldPath.field(prefix, p));
            JsonNode node = cases.get(i);
            loaded.add(load(file, () -> {
                CaseDocument doc = bind(node, own).over(shared);
                return new CaseAssembler(problems.scoped(p -> inFile(problems, prefix, p))).assemble(doc);
            }));
        }
        return loaded;
    }

    /**
     * Where a field of a merged case is written: in the case's own entry if it (or the mapping holding it) is
     * there, else under shared, else (a missing field) in the case's entry.
     */
    private static String inFile(Problems file, String casePrefix, String path) {
        if (path.isEmpty()) {
            return casePrefix;
        }
        for (String p = path; !p.isEmpty(); p = FieldPath.parent(p)) {
            if (file.has(FieldPath.field(casePrefix, p))) {
                return FieldPath.field(casePrefix, path);
            }
            if (file.has(FieldPath.field(SHARED, p))) {
                return FieldPath.field(SHARED, path);
            }
        }
        return FieldPath.field(casePrefix, path);
    }

    private interface Assembly {
        SqlCase assemble();
    }

    private static LoadedCase load(Path file, Assembly assembly) {
        try {
            return LoadedCase.loaded(file, assembly.assemble());
        } catch (CaseFileException e) {
            return LoadedCase.failed(e);
        }
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
                    "put several cases in one document under cases:, or one case per file", e);
        } catch (JsonParseException e) {
            throw YamlSyntax.explain(e, noIndex);
        } catch (IOException e) {
            throw new CaseFileException(file, 0, 0, FieldPath.ROOT, "cannot read: " + e, "", e);
        }
    }

    private static JsonNode tree(String text, Problems problems) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw BindingErrors.explain(e, problems);
        }
    }

    private static CaseDocument bind(JsonNode node, Problems problems) {
        return bind(node, CaseDocument.class, problems);
    }

    /** Binds a part of a case given as any YAML value; {@code problems} are those of that part. */
    static <T> T bind(JsonNode node, Class<T> type, Problems problems) {
        try {
            return YAML.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw BindingErrors.explain(e, problems);
        }
    }
}
