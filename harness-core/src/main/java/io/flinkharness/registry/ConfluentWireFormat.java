package io.flinkharness.registry;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Confluent schema registry wire format that Flink's {@code avro-confluent} format reads and writes: a magic
 * byte 0, the schema id as 4 bytes big-endian, then the Avro binary encoding of the record.
 *
 * <pre>{@code
 * int id = registry.register("orders-value", schemaJson);
 * byte[] message = ConfluentWireFormat.encode(id, avroBinary);   // the Kafka record value
 * int sameId = ConfluentWireFormat.schemaId(message);
 * byte[] sameAvro = ConfluentWireFormat.payload(message);
 * }</pre>
 */
public final class ConfluentWireFormat {
    /** The first byte of every message. */
    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    /** A message of the schema id and the Avro binary payload. */
    public static byte[] encode(int schemaId, byte[] avroBinaryPayload) {
        Objects.requireNonNull(avroBinaryPayload, "avroBinaryPayload cannot be null");
        return ByteBuffer.allocate(HEADER_LENGTH + avroBinaryPayload.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avroBinaryPayload)
                .array();
    }

    /**
     * The schema id of a message.
     *
     * @throws IllegalArgumentException if the message is shorter than 5 bytes or does not start with byte 0
     */
    public static int schemaId(byte[] message) {
        check(message);
        return ByteBuffer.wrap(message, 1, 4).getInt();
    }

    /** The Avro binary payload of a message (everything after the 5-byte header). */
    public static byte[] payload(byte[] message) {
        check(message);
        return Arrays.copyOfRange(message, HEADER_LENGTH, message.length);
    }

    private static void check(byte[] message) {
        Objects.requireNonNull(message, "message cannot be null");
        if (message.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("not a Confluent wire format message: " + message.length
                    + " byte(s), but the header alone (magic byte 0 and 4-byte schema id) takes 5");
        }
        if (message[0] != MAGIC_BYTE) {
            throw new IllegalArgumentException(String.format("not a Confluent wire format message: it starts with"
                    + " byte 0x%02x, expected the magic byte 0x00 — was it written without a schema registry"
                    + " serializer?", message[0] & 0xff));
        }
    }
}
