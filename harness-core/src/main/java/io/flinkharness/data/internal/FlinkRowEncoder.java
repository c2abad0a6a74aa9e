package io.flinkharness.data.internal;

import io.flinkharness.data.RecordEncoder;
import io.flinkharness.data.Struct;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * Encodes structs with one of Flink's own format serializers ({@code json}, {@code avro}, {@code raw}): the
 * struct becomes Flink's internal row, which the format's serializer writes exactly as a Flink job would. Not
 * thread-safe (the serializers reuse their buffers). Not part of the public API.
 */
public final class FlinkRowEncoder implements RecordEncoder {
    private final String format;
    private final RowDataConverter converter;
    private final SerializationSchema<RowData> serializer;

    public FlinkRowEncoder(String format, RowDataConverter converter, SerializationSchema<RowData> serializer) {
        this.format = format;
        this.converter = converter;
        this.serializer = serializer;
        try {
            serializer.open(new Context());
        } catch (Exception e) {
            throw new IllegalStateException("cannot open Flink's '" + format + "' serializer: " + e, e);
        }
    }

    @Override
    public byte[] encode(Struct struct) {
        RowData row = converter.convert(struct);
        try {
            return serializer.serialize(row);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Flink's '" + format + "' format cannot write " + struct + ": "
                    + causes(e), e);
        }
    }

    private static String causes(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            out.append(" — ").append(c.getMessage());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Flink '" + format + "' encoder";
    }

    /** What a serializer's open() may ask for outside a job: no metrics, this class loader. */
    private static final class Context implements SerializationSchema.InitializationContext {
        @Override
        public MetricGroup getMetricGroup() {
            return new UnregisteredMetricsGroup();
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(FlinkRowEncoder.class.getClassLoader());
        }
    }
}
