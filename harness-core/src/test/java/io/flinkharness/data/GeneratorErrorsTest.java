package io.flinkharness.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorErrorsTest {
    private static final String CLICKS = "test row ROW<user_id STRING, page STRING, amount INT, ts TIMESTAMP(3)>";

    private static DataGenerator clicks() {
        return DataGenerator.forSchema(Schemas.clicks());
    }

    @Test
    void a_rule_for_a_field_that_does_not_exist() {
        assertThatThrownBy(() -> clicks().field("usr_id", FieldRule.random().distinct(5)).generate())
                .isInstanceOf(GeneratorException.class)
                .hasMessage("cannot generate records for " + CLICKS + ": field 'usr_id' has a random rule, but the"
                        + " schema has no such field (fields: user_id, page, amount, ts)");
    }

    @Test
    void a_rule_the_type_cannot_take() {
        assertThatThrownBy(() -> clicks().field("amount", FieldRule.pattern("[0-9]+")).generate())
                .hasMessage("cannot generate records for " + CLICKS + ": field 'amount' rule pattern: pattern"
                        + " applies to CHAR, VARCHAR or STRING fields, not INT");
        assertThatThrownBy(() -> clicks().field("page", FieldRule.range(1, 5)).generate())
                .hasMessageEndingWith("field 'page' rule range: range applies to numbers, decimals, dates, times"
                        + " and timestamps, not STRING");
        assertThatThrownBy(() -> clicks().field("amount", FieldRule.constant("lots")).generate())
                .hasMessageEndingWith("field 'amount' rule constant: cannot read 'lots' as INT: not a number");
    }

    @Test
    void more_distinct_values_than_the_rule_can_give() {
        RecordSchema flags = Schemas.row("ROW<flag BOOLEAN, level TINYINT>");
        assertThatThrownBy(() -> DataGenerator.forSchema(flags).field("flag", FieldRule.random().distinct(3))
                .generate())
                .hasMessageEndingWith("field 'flag' rule random: distinct(3) asks for more distinct values than the"
                        + " rule can give (2)");
        assertThatThrownBy(() -> clicks().field("page", FieldRule.oneOf("a", "b").distinct(3)).generate())
                .hasMessageEndingWith("field 'page' rule oneOf: distinct(3) asks for more distinct values than the"
                        + " rule can give (2)");
        assertThatThrownBy(() -> clicks().field("amount", FieldRule.range(1, 10).distinct(11)).generate())
                .hasMessageEndingWith("field 'amount' rule range: distinct(11) asks for more distinct values than"
                        + " the rule can give (10)");
        assertThatThrownBy(() -> clicks().records(10).field("user_id", FieldRule.random().distinct(20)).generate())
                .hasMessageEndingWith("field 'user_id' rule random: distinct(20) needs at least 20 generated"
                        + " records, but only 10 are generated");
    }

    @Test
    void late_records_without_a_declared_watermark() {
        assertThatThrownBy(() -> clicks().lateRecords(5, Duration.ofSeconds(30)).generate())
                .hasMessageEndingWith(": lateRecords(5, PT30S): no watermark is declared, so nothing is late;"
                        + " declare it with watermark(Duration) or a WATERMARK clause");
    }

    @Test
    void an_event_time_field_that_cannot_hold_time() {
        assertThatThrownBy(() -> clicks().eventTime("page").generate())
                .hasMessageEndingWith(": event-time field 'page' is STRING: use TIMESTAMP(p), TIMESTAMP_LTZ(p) or"
                        + " BIGINT (epoch milliseconds)");
        assertThatThrownBy(() -> clicks().field("ts", FieldRule.constant("2026-01-01 00:00:00")).generate())
                .hasMessageEndingWith(": field 'ts' has a constant rule, but it is the event-time field: its values"
                        + " come from the time model; remove the rule");
    }

    @Test
    void nulls_on_a_not_null_field_and_bad_refs() {
        RecordSchema strict = Schemas.row("ROW<id INT NOT NULL, copy INT, name STRING>");
        assertThatThrownBy(() -> DataGenerator.forSchema(strict).field("id", FieldRule.random().nullRate(0.1))
                .generate())
                .hasMessageEndingWith("field 'id' rule random: nullRate 0.1 on a NOT NULL field (INT NOT NULL)");
        assertThatThrownBy(() -> DataGenerator.forSchema(strict).field("copy", FieldRule.ref("nam")).generate())
                .hasMessageEndingWith("field 'copy' rule ref: no field 'nam' to copy (fields: id, copy, name)");
        assertThatThrownBy(() -> DataGenerator.forSchema(strict).field("copy", FieldRule.ref("name")).generate())
                .hasMessageEndingWith("field 'copy' rule ref: cannot copy STRING 'name' into INT");
    }

    @Test
    void every_problem_is_listed_at_once() {
        assertThatThrownBy(() -> clicks().field("usr", FieldRule.constant(1))
                .field("amount", FieldRule.oneOf(1, 2).weights(1))
                .explicit(ExplicitRow.of(Map.of("amount", 3)))
                .generate())
                .isInstanceOf(GeneratorException.class)
                .hasMessage("cannot generate records for " + CLICKS + ": 3 problems" + System.lineSeparator()
                        + "  - field 'usr' has a constant rule, but the schema has no such field (fields: user_id,"
                        + " page, amount, ts)" + System.lineSeparator()
                        + "  - field 'amount' rule oneOf: 2 values but 1 weights: give one weight per value"
                        + System.lineSeparator()
                        + "  - explicit row 1: no event time; give it with .at(instant) or a value for 'ts'");
    }

    @Test
    void placements_that_cannot_work() {
        assertThatThrownBy(() -> clicks().placement(Placement.keyHash(4)).generate())
                .hasMessageEndingWith(": placement keyHash: the schema has no key fields; declare them ('key.fields'"
                        + " in the DDL, or RecordSchema.withKeyFields) or use round-robin placement");
        assertThatThrownBy(() -> Placement.roundRobin(2).idle(0, 1))
                .hasMessage("all 2 partitions are idle: no record has a place");
        assertThatThrownBy(() -> Placement.roundRobin(2).idle(2))
                .hasMessage("idle partition 2 is not in 0..1");
    }

    @Test
    void more_duplicates_than_records_and_phases_longer_than_the_run() {
        assertThatThrownBy(() -> clicks().records(5).duplicates(Duplicates.count(6)).generate())
                .hasMessageEndingWith(": duplicates(6): more duplicates than the 5 generated records to copy; ask"
                        + " for at most 5");
        assertThatThrownBy(() -> clicks().records(5).time(TimeModel.startingAt(DataGenerator.DEFAULT_START)
                .phase(4, Duration.ofSeconds(1)).phase(4, Duration.ofSeconds(2))).generate())
                .hasMessageEndingWith(": time model: the phases hold 8 records but only 5 are generated: set"
                        + " records(8) or shorten the phases");
    }
}
