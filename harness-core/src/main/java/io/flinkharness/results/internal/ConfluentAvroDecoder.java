package io.flinkharness.results.internal;

import io.flinkharness.registry.ConfluentWireFormat;
import io.flinkharness.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.formats.avro.AvroToRowDataConverters;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Reads Flink's {@code avro-confluent} format as Flink does: the schema id from the Confluent wire format, the
 * writer schema fetched from the registry by id (once per id), the Avro binary resolved against the reader
 * schema (the table's {@code avro-confluent.schema} option, or the schema Flink derives from the row type), and
 * Flink's own Avro-to-row converter. Not thread-safe. Not part of the public API.
 */
public final class ConfluentAvroDecoder implements FormatDecoder {
    private final SchemaRegistryClient registry;
    private final Schema reader;
    private final AvroToRowDataConverters.AvroToRowDataConverter converter;
    private final Map<Integer, GenericDatumReader<Object>> readers = new HashMap<>();
    private BinaryDecoder decoder;

    public ConfluentAvroDecoder(SchemaRegistryClient registry, Schema reader, RowType rowType) {
        this.registry = registry;
        this.reader = reader;
        this.converter = AvroToRowDataConverters.createRowConverter(rowType);
    }

    @Override
    public List<RowData> decode(byte[] message) {
        int id;
        try {
            id = ConfluentWireFormat.schemaId(message);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the 'avro-confluent' format cannot read it: " + e.getMessage(), e);
        }
        GenericDatumReader<Object> datumReader = readers.computeIfAbsent(id, this::readerFor);
        decoder = DecoderFactory.get().binaryDecoder(message, ConfluentWireFormat.HEADER_LENGTH,
                message.length - ConfluentWireFormat.HEADER_LENGTH, decoder);
        try {
            return List.of((RowData) converter.convert(datumReader.read(null, decoder)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the 'avro-confluent' format cannot read it with writer schema id "
                    + id + ": " + Causes.of(e), e);
        }
    }

    private GenericDatumReader<Object> readerFor(int id) {
        Schema writer = new Schema.Parser().parse(registry.schemaById(id));
        return new GenericDatumReader<>(writer, reader);
    }

    @Override
    public boolean isChangelog() {
        return false;
    }
}
