package io.flinkharness.registry;

import java.util.Objects;

/**
 * One version of a schema under a subject, as a schema registry holds it.
 *
 * <pre>{@code
 * RegisteredSchema latest = registry.latest("orders-value");
 * byte[] message = ConfluentWireFormat.encode(latest.id(), avroBytes);
 * }</pre>
 *
 * @param subject the subject, e.g. {@code orders-value}
 * @param version the version within the subject, from 1
 * @param id the registry-wide schema id, the one the Confluent wire format carries
 * @param schema the schema text (Avro schema JSON)
 */
public record RegisteredSchema(String subject, int version, int id, String schema) {
    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject cannot be null");
        Objects.requireNonNull(schema, "schema cannot be null");
    }
}
