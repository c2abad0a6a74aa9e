package io.flinkharness.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flinkharness.kafka.TestRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The event time of an explicit record: the event-time field of its JSON value (a SQL or ISO timestamp, read as
 * UTC, or epoch milliseconds), or its Kafka timestamp when the table's rowtime is the record timestamp. A record
 * whose value has no readable field is drawn at its Kafka timestamp, and counted for a note.
 */
final class EventTimes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<String> field;
    private int fromTimestamp;

    /** @param field the value's event-time field; empty when the rowtime is the Kafka record timestamp */
    EventTimes(Optional<String> field) {
        this.field = field;
    }

    Instant of(TestRecord record) {
        if (field.isEmpty()) {
            return record.timestamp();
        }
        Optional<Instant> read = Optional.ofNullable(record.value()).flatMap(v -> fieldOf(v, field.get()));
        if (read.isEmpty()) {
            fromTimestamp++;
        }
        return read.orElse(record.timestamp());
    }

    /** A note when some records were drawn at their Kafka timestamp instead of their event-time field. */
    Optional<String> note(int records) {
        return fromTimestamp == 0 ? Optional.empty() : Optional.of(fromTimestamp + " of " + records
                + " explicit records have no readable '" + field.orElseThrow() + "' in a JSON value: they are drawn"
                + " at their Kafka timestamp");
    }

    private static Optional<Instant> fieldOf(String value, String field) {
        try {
            JsonNode node = JSON.readTree(value);
            return node == null ? Optional.empty() : Optional.ofNullable(node.get(field)).flatMap(EventTimes::time);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> time(JsonNode node) {
        if (node.isIntegralNumber()) {
            return Optional.of(Instant.ofEpochMilli(node.asLong()));
        }
        if (!node.isTextual()) {
            return Optional.empty();
        }
        String iso = node.asText().strip().replace(' ', 'T');
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException notWithOffset) {
            try {
                return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }
}
