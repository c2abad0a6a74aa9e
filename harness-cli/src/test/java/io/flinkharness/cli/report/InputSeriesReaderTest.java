package io.flinkharness.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.data.Lateness;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.run.SqlCase;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InputSeriesReaderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void explicitRecordsOnOnePartitionGetTheWatermarkOfTheTable() {
        InputSeries series = InputSeriesReader.read(ExplicitCases.withOneLateRecord(1, "on-event"), "clicks");

        assertThat(series.points()).extracting(InputPoint::eventTime)
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(5), T0.plusSeconds(12), T0.plusSeconds(3),
                        T0.plusSeconds(14));
        assertThat(series.points()).extracting(InputPoint::lowestWatermark)
                .containsExactly(Optional.empty(), Optional.of(T0.minusSeconds(1)), Optional.of(T0.plusSeconds(3)),
                        Optional.of(T0.plusSeconds(10)), Optional.of(T0.plusSeconds(10)));
        assertThat(series.points()).extracting(InputPoint::lateness)
                .containsExactly(Lateness.ON_TIME, Lateness.ON_TIME, Lateness.ON_TIME, Lateness.LATE, Lateness.ON_TIME);
        assertThat(series.points()).extracting(InputPoint::partition).containsOnly(OptionalInt.of(0));
        assertThat(series.notes()).isEmpty();
    }

    @Test
    void periodicEmissionMakesLatenessDependOnTiming() {
        InputSeries series = InputSeriesReader.read(ExplicitCases.withOneLateRecord(1, "on-periodic"), "clicks");

        assertThat(series.points().get(3).lateness()).isEqualTo(Lateness.DEPENDS_ON_EMISSION_TIMING);
        assertThat(series.notes()).containsExactly("the watermark is drawn as if emitted after every record (largest"
                + " event time so far - 2s); the table emits it periodically, so a record below it is late only if"
                + " a watermark was emitted in time (set 'scan.watermark.emit.strategy' = 'on-event' to make it"
                + " follow the records)");
    }

    @Test
    void severalPartitionsHaveNoWatermarkToDraw() {
        InputSeries series = InputSeriesReader.read(ExplicitCases.withOneLateRecord(4, "on-event"), "clicks");

        assertThat(series.hasWatermark()).isFalse();
        assertThat(series.points()).extracting(InputPoint::lateness).containsOnly(Lateness.UNKNOWN);
        assertThat(series.notes()).containsExactly("topic 'clicks' has 4 partitions: the watermark at each arrival"
                + " depends on how the source interleaves them, so no watermark line is drawn for the explicit"
                + " records and none is marked late");
    }

    @Test
    void withoutATableOnTheTopicRecordsAreDrawnAtTheirKafkaTimestamp() {
        SqlCase c = SqlCase.named("no table").topic("clicks", 1).topic("counts", 1)
                .input("clicks", ExplicitCases.click(1, 0)).ddl("").dml(ExplicitCases.TUMBLE).build();

        InputSeries series = InputSeriesReader.read(c, "clicks");

        assertThat(series.points()).extracting(InputPoint::eventTime).containsExactly(T0.plusSeconds(3600));
        assertThat(series.notes()).containsExactly("no CREATE TABLE in the DDL reads topic 'clicks' ('topic' ="
                + " '${topic.clicks}'): the records are drawn at their Kafka timestamps and no watermark is drawn");
    }

    @Test
    void aValueWithoutTheEventTimeFieldIsDrawnAtItsKafkaTimestamp() {
        SqlCase c = SqlCase.named("odd value").topic("clicks", 1).topic("counts", 1)
                .input("clicks", ExplicitCases.click(1, 0), TestRecord.of("u", "not json", T0.plusSeconds(7)))
                .ddl(ExplicitCases.ddl("on-event")).dml(ExplicitCases.TUMBLE).build();

        InputSeries series = InputSeriesReader.read(c, "clicks");

        assertThat(series.points()).extracting(InputPoint::eventTime)
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(7));
        assertThat(series.notes()).containsExactly("1 of 2 explicit records have no readable 'ts' in a JSON value:"
                + " they are drawn at their Kafka timestamp");
    }

    @Test
    void generatedRecordsKeepTheirLabels() {
        SqlCase c = SqlCase.named("generated").topic("clicks", 2).topic("counts", 1)
                .input("clicks", GeneratedInputs.seed(9).add(10, 0, Lateness.ON_TIME, null, null)
                        .add(11, 1, Lateness.ON_TIME, null, 8L)
                        .add(2, 0, Lateness.DEPENDS_ON_INTERLEAVING, null, 8L).data())
                .dml(ExplicitCases.TUMBLE).build();

        InputSeries series = InputSeriesReader.read(c, "clicks");

        assertThat(series.points()).extracting(InputPoint::arrival).containsExactly(0L, 1L, 2L);
        assertThat(series.points()).extracting(InputPoint::partition)
                .containsExactly(OptionalInt.of(0), OptionalInt.of(1), OptionalInt.of(0));
        assertThat(series.points().get(2).maybeLate()).isTrue();
        assertThat(series.points().get(2).highestWatermark()).contains(T0.plusSeconds(8));
        assertThat(series.watermarkIsARange()).isTrue();
        assertThat(series.notes()).containsExactly("the watermark on arrival of the generated records is a range: it"
                + " depends on how the source interleaves the 2 partitions; the picture draws the highest it can be"
                + " (dotted) and the lowest (solid; none until every partition has been read)");
    }
}
