package io.flinkharness.cli.generate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import io.flinkharness.data.GeneratorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Reads the {@code generate.TOPIC} section of a case that has already loaded, so that its generator can be built
 * again with another seed or record count: the file's own section, or in a file with several cases the case's
 * ({@code cases[i].generate.TOPIC}) or else the shared one ({@code shared.generate.TOPIC}), as loading merges
 * them. Binds as case loading does (floats as decimals, no float for an int).
 */
final class GeneratorSpecReader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private GeneratorSpecReader() {
    }

    /**
     * @param caseIndex the case's index in {@code cases:}, for a file with several cases
     */
    static GeneratorSpec read(Path caseFile, OptionalInt caseIndex, String topic) {
        try {
            JsonNode root = YAML.readTree(caseFile.toFile());
            JsonNode section = caseIndex.isEmpty() ? root.path("generate").path(topic)
                    : root.path("cases").path(caseIndex.getAsInt()).path("generate").path(topic);
            if (section.isMissingNode() && caseIndex.isPresent()) {
                section = root.path("shared").path("generate").path(topic);
            }
            return YAML.treeToValue(section, GeneratorSpec.class);
        } catch (IOException e) {
            throw new CommandException(ExitCodes.BAD_INPUT, caseFile + ": cannot read generate." + topic + ": "
                    + e.getMessage(), e);
        }
    }
}
