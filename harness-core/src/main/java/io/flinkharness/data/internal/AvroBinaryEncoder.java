package io.flinkharness.data.internal;

import io.flinkharness.data.RecordEncoder;
import io.flinkharness.data.Struct;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Writes structs as Avro binary with a user's schema ({@code GenericDatumWriter}), after an optional fixed
 * header (the Confluent wire format's magic byte and schema id). Reuses its buffer and encoder: not thread-safe.
 * Not part of the public API.
 */
public final class AvroBinaryEncoder implements RecordEncoder {
    private final AvroDatumConverter converter;
    private final GenericDatumWriter<Object> writer;
    private final byte[] header;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;

    public AvroBinaryEncoder(Schema schema, byte[] header) {
        this.converter = new AvroDatumConverter(schema);
        this.writer = new GenericDatumWriter<>(schema, new GenericData());
        this.header = header.clone();
    }

    /** The Confluent wire format: magic byte 0, the schema id as 4 bytes big-endian, then the Avro binary. */
    public static byte[] confluentHeader(int schemaId) {
        return new byte[] {0, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8),
                (byte) schemaId};
    }

    @Override
    public byte[] encode(Struct struct) {
        Object datum = converter.convert(struct);
        buffer.reset();
        buffer.write(header, 0, header.length);
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        try {
            writer.write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
