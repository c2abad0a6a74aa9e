package io.flinkharness.results.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DelegatingConfiguration;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * Decodes with one of Flink's own format deserializers, found by the format's identifier as Flink's Kafka source
 * finds it ({@code json}, {@code avro}, {@code raw}, {@code debezium-json}, {@code canal-json},
 * {@code maxwell-json}, {@code ogg-json}, or any other format on the classpath), configured by the table's
 * options for it. Not thread-safe. Not part of the public API.
 */
public final class FlinkFormatDecoder implements FormatDecoder {
    private final String format;
    private final DeserializationSchema<RowData> deserializer;
    private final boolean changelog;

    private FlinkFormatDecoder(String format, DeserializationSchema<RowData> deserializer, boolean changelog) {
        this.format = format;
        this.deserializer = deserializer;
        this.changelog = changelog;
    }

    /**
     * @param optionPrefix the prefix of the format's options in {@code options}, e.g. {@code "value.json."}
     * @throws IllegalArgumentException if no such format is on the classpath, or it cannot read the row type
     */
    public static FlinkFormatDecoder of(String format, Map<String, String> options, String optionPrefix,
                                        RowType rowType) {
        DeserializationFormatFactory factory = FactoryUtil.discoverFactory(FlinkFormatDecoder.class.getClassLoader(),
                DeserializationFormatFactory.class, format);
        DecodingFormat<DeserializationSchema<RowData>> decoding = factory.createDecodingFormat(null,
                new DelegatingConfiguration(Configuration.fromMap(options), optionPrefix));
        DataType dataType = TypeConversions.fromLogicalToDataType(rowType);
        DeserializationSchema<RowData> deserializer = decoding.createRuntimeDecoder(new Context(), dataType);
        try {
            deserializer.open(initialization());
        } catch (Exception e) {
            throw new IllegalStateException("cannot open Flink's '" + format + "' deserializer: " + e, e);
        }
        return new FlinkFormatDecoder(format, deserializer, !decoding.getChangelogMode().containsOnly(RowKind.INSERT));
    }

    @Override
    public List<RowData> decode(byte[] message) {
        List<RowData> rows = new ArrayList<>(2);
        try {
            deserializer.deserialize(message, new Collector<>() {
                @Override
                public void collect(RowData row) {
                    rows.add(row);
                }

                @Override
                public void close() {
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Flink's '" + format + "' format cannot read it: " + Causes.of(e), e);
        }
        return rows;
    }

    @Override
    public boolean isChangelog() {
        return changelog;
    }

    /** What a decoding format asks of the source outside a job: type information for internal rows. */
    private static final class Context implements ScanTableSource.ScanContext {
        @Override
        public <T> TypeInformation<T> createTypeInformation(DataType producedDataType) {
            return createTypeInformation(producedDataType.getLogicalType());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeInformation<T> createTypeInformation(LogicalType producedLogicalType) {
            return (TypeInformation<T>) InternalTypeInfo.of(producedLogicalType);
        }

        @Override
        public DynamicTableSource.DataStructureConverter createDataStructureConverter(DataType producedDataType) {
            throw new UnsupportedOperationException("the harness reads no metadata through a format");
        }
    }

    private static DeserializationSchema.InitializationContext initialization() {
        return new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                return SimpleUserCodeClassLoader.create(FlinkFormatDecoder.class.getClassLoader());
            }
        };
    }
}
