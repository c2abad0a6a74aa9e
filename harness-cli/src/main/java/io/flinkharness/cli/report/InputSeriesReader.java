package io.flinkharness.cli.report;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.RecordLabel;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.run.SqlCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link InputSeries} of one topic of a case: its generated records (drawn with the watermark bounds and
 * lateness of their labels) followed by its explicit records ({@link ExplicitInput}), as the case produces them.
 *
 * <pre>{@code
 * InputSeries clicks = InputSeriesReader.read(sqlCase, "clicks");
 * }</pre>
 */
public final class InputSeriesReader {
    private InputSeriesReader() {
    }

    /** The records of {@code topic}, a declared topic of the case. */
    public static InputSeries read(SqlCase sqlCase, String topic) {
        int partitions = sqlCase.topics().getOrDefault(topic, 1);
        List<InputPoint> points = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        GeneratedData generated = sqlCase.generated().get(topic);
        if (generated != null) {
            generated.records().forEach(r -> points.add(point(r.label())));
            if (new InputSeries(topic, partitions, points, notes).watermarkIsARange()) {
                notes.add("the watermark on arrival of the generated records is a range: it depends on how the"
                        + " source interleaves the " + generated.partitions() + " partitions; the picture draws the"
                        + " highest it can be (dotted) and the lowest (solid; none until every partition has been"
                        + " read)");
            }
        }
        List<TestRecord> explicit = sqlCase.inputs().getOrDefault(topic, List.of());
        if (!explicit.isEmpty()) {
            Optional<RecordSchema> table = Optional.ofNullable(generated).map(GeneratedData::schema)
                    .filter(s -> s.watermark().isPresent()).or(() -> SourceTables.of(sqlCase, topic));
            new ExplicitInput(topic, partitions, table).append(explicit, points, notes);
        }
        return new InputSeries(topic, partitions, points, notes);
    }

    private static InputPoint point(RecordLabel label) {
        return new InputPoint(label.arrival(), label.eventTime(), OptionalInt.of(label.partition()),
                label.watermarkOnArrival().lowest(), label.watermarkOnArrival().highest(), label.lateness(),
                label.origin().name().toLowerCase(Locale.ROOT));
    }
}
