package io.flinkharness.cli.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import io.flinkharness.data.RecordLabel;
import io.flinkharness.kafka.TestRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes generated records as text, one record per line.
 *
 * <ul>
 *   <li>{@code jsonl}: {@code {"partition":0,"timestamp":"2026-01-01T00:00:00Z","key":...,"value":...}} — key and
 *       value as the table's formats encode them: JSON text for {@code json}, base64 for binary formats
 *       ({@code avro}, {@code avro-confluent}, {@code raw}), null when there is none; with labels a
 *       {@code "label"} object (arrival, event time, origin, lateness, watermark bounds on arrival ...).</li>
 *   <li>{@code raw}: the value bytes as they go to Kafka, or {@code key<TAB>value} when records have keys (what
 *       {@code kafka-console-producer --property parse.key=true} reads); text formats only.</li>
 * </ul>
 */
final class RecordLines {
    private static final JsonFactory JSON = new JsonFactory();

    private final boolean raw;
    private final boolean labels;

    RecordLines(String format, boolean labels) {
        this.raw = switch (format) {
            case "jsonl" -> false;
            case "raw" -> true;
            default -> throw new CommandException(ExitCodes.BAD_INPUT, "unknown --format '" + format + "' — use jsonl"
                    + " or raw");
        };
        if (raw && labels) {
            throw new CommandException(ExitCodes.BAD_INPUT, "--labels needs --format jsonl: raw lines have no room for"
                    + " labels");
        }
        this.labels = labels;
    }

    /** Checks that the records can be written in this format, before anything is written. */
    void checkFormats(TopicRecords records) {
        if (raw) {
            requireText(records);
        }
    }

    void write(TopicRecords records, Writer out) throws IOException {
        checkFormats(records);
        for (int i = 0; i < records.encoded().size(); i++) {
            TestRecord r = records.encoded().get(i);
            out.write(raw ? rawLine(r) : jsonLine(records, i));
            out.write('\n');
        }
        out.flush();
    }

    private static void requireText(TopicRecords records) {
        for (String format : new String[] {records.valueFormat(), records.keyFormat()}) {
            if (!format.isEmpty() && !format.equals("json")) {
                throw new CommandException(ExitCodes.BAD_INPUT, "--format raw writes records as text, but topic '"
                        + records.topic() + "' has the binary format '" + format + "' — use --format jsonl, which"
                        + " writes binary keys and values in base64");
            }
        }
    }

    private static String rawLine(TestRecord r) {
        String value = r.valueBytes() == null ? "" : new String(r.valueBytes(), StandardCharsets.UTF_8);
        return r.keyBytes() == null ? value : new String(r.keyBytes(), StandardCharsets.UTF_8) + "\t" + value;
    }

    private String jsonLine(TopicRecords records, int index) {
        TestRecord r = records.encoded().get(index);
        StringWriter line = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeNumberField("partition", r.partition().orElse(-1));
            json.writeStringField("timestamp", r.timestamp().toString());
            bytes(json, "key", r.keyBytes(), records.keyFormat());
            bytes(json, "value", r.valueBytes(), records.valueFormat());
            if (labels) {
                label(json, records.generated(index).label());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }

    private static void bytes(JsonGenerator json, String field, byte[] bytes, String format) throws IOException {
        json.writeFieldName(field);
        if (bytes == null) {
            json.writeNull();
        } else if (format.equals("json")) {
            json.writeRawValue(new String(bytes, StandardCharsets.UTF_8));
        } else {
            json.writeString(Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static void label(JsonGenerator json, RecordLabel label) throws IOException {
        json.writeObjectFieldStart("label");
        json.writeNumberField("arrival", label.arrival());
        json.writeStringField("eventTime", label.eventTime().toString());
        json.writeNumberField("positionInPartition", label.positionInPartition());
        json.writeStringField("origin", name(label.origin()));
        json.writeFieldName("duplicateOf");
        if (label.duplicateOf().isPresent()) {
            json.writeNumber(label.duplicateOf().getAsLong());
        } else {
            json.writeNull();
        }
        json.writeBooleanField("displaced", label.displaced());
        json.writeStringField("lateness", name(label.lateness()));
        json.writeObjectFieldStart("watermarkOnArrival");
        instant(json, "lowest", label.watermarkOnArrival().lowest());
        instant(json, "highest", label.watermarkOnArrival().highest());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void instant(JsonGenerator json, String field, Optional<Instant> instant) throws IOException {
        if (instant.isPresent()) {
            json.writeStringField(field, instant.get().toString());
        } else {
            json.writeNullField(field);
        }
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
