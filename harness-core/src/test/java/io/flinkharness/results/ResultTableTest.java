package io.flinkharness.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.rows.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

/** The result model: typed values, the kinds of tables made from changes, conversion to and from rows. */
class ResultTableTest {
    private static ResultTable.Builder totals() {
        return ResultTable.builder("totals").column("region", "STRING").column("total", "DECIMAL(10, 2)");
    }

    @Test
    void valuesAreReadAsTheColumnsTypes() {
        ResultTable table = ResultTable.builder("t").column("n", "BIGINT").column("at", "TIMESTAMP(3)")
                .column("ltz", "TIMESTAMP_LTZ(3)").column("price", "DECIMAL(10, 2)").column("f", "FLOAT")
                .row(3, "2024-01-01 00:00:00.5", "2024-01-01 00:00:01Z", 2.5, "NaN")
                .build();

        ResultRow row = table.rows().get(0);
        assertThat(row.get("n")).isEqualTo(3L);
        assertThat(row.get("at")).isEqualTo(LocalDateTime.parse("2024-01-01T00:00:00.500"));
        assertThat(row.get("ltz")).isEqualTo(Instant.parse("2024-01-01T00:00:01Z"));
        assertThat(row.get("price")).isEqualTo(new BigDecimal("2.50"));
        assertThat(row.get("f")).isEqualTo(Float.NaN);
        assertThat(row).hasToString("{n=3, at=2024-01-01 00:00:00.5, ltz=2024-01-01 00:00:01Z, price=2.50, f=NaN}");
        assertThat(row.toRow()).isEqualTo(Row.of("n", 3, "at", "2024-01-01 00:00:00.5", "ltz",
                "2024-01-01 00:00:01Z", "price", 2.5, "f", Float.NaN));
    }

    @Test
    void theKindDecidesHowChangesMakeRows() {
        ResultTable.Builder changes = totals().primaryKey("region")
                .row("eu", 1).row("us", 2)
                .change(RowKind.UPDATE_BEFORE, "eu", 1).change(RowKind.UPDATE_AFTER, "eu", 3)
                .change(RowKind.DELETE, "us", 2);

        ResultTable retract = changes.kind(ResultTable.Kind.RETRACT).build();

        assertThat(retract.toRows()).containsExactly(Row.of("region", "eu", "total", 3));
        assertThat(retract.as(ResultTable.Kind.UPSERT).toRows()).containsExactly(Row.of("region", "eu", "total", 3));
        assertThat(retract.as(ResultTable.Kind.APPEND).toRows()).containsExactly(Row.of("region", "eu", "total", 1),
                Row.of("region", "us", "total", 2), Row.of("region", "eu", "total", 3));
        assertThat(retract.changelog().columnNames()).containsExactly("op", "region", "total");
        assertThat(retract.changelog().toRows()).extracting(r -> r.get("op"))
                .containsExactly("+I", "+I", "-U", "+U", "-D");
    }

    @Test
    void theOpColumnStepsAsideForAColumnOfThatName() {
        ResultTable table = ResultTable.builder("ops").column("op", "STRING").row("add").build();

        assertThat(table.changelog().columnNames()).containsExactly("_op", "op");
    }

    @Test
    void describeAndToStringShowTheTable() {
        ResultTable table = totals().origin("topic totals-1").row("eu", 1).row("us", "2.5").build();

        assertThat(table.describe()).isEqualTo("table totals (topic totals-1, append, 2 rows)");
        assertThat(table).hasToString("""
                table totals (topic totals-1, append, 2 rows)
                    region | total
                    eu     | 1.00
                    us     | 2.50""");
        assertThat(table.withOrigin("elsewhere").describe()).isEqualTo("table totals (elsewhere, append, 2 rows)");
    }

    @Test
    void fromRowsTypesUntypedRows() {
        RowType type = (RowType) LogicalTypeParser.parse("ROW<region STRING, total DECIMAL(10, 2)>",
                getClass().getClassLoader());

        ResultTable table = ResultTable.fromRows("totals", type, List.of(Row.of("total", 1, "region", "eu")));

        assertThat(table.rows().get(0).values()).containsExactly("eu", new BigDecimal("1.00"));
        assertThatThrownBy(() -> ResultTable.fromRows("totals", type, List.of(Row.of("region", "eu"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table totals: row {region=eu} has columns [region], the table [region, total]");
    }

    @Test
    void builderErrorsNameTheFix() {
        assertThatThrownBy(() -> ResultTable.builder("t").build())
                .hasMessage("table t: no columns — add them with column(name, type)");
        assertThatThrownBy(() -> totals().row("eu").build())
                .hasMessage("table totals: row 0 has 1 values for 2 columns [region STRING, total DECIMAL(10, 2)]");
        assertThatThrownBy(() -> totals().row("eu", "lots").build())
                .hasMessage("table totals: row 0, column 'total': \"lots\" (not a DECIMAL(10, 2))");
        assertThatThrownBy(() -> totals().kind(ResultTable.Kind.UPSERT).build())
                .hasMessage("table totals: an upsert table needs the columns that identify a row — give"
                        + " primaryKey(...)");
        assertThatThrownBy(() -> totals().primaryKey("id").build())
                .hasMessage("table totals: primary key column 'id' is not one of [region, total]");
        assertThatThrownBy(() -> totals().column("total", "INT"))
                .hasMessage("table totals: column 'total' given twice");
        assertThatThrownBy(() -> ResultColumn.of("x", "NUMBER"))
                .hasMessage("column 'x': 'NUMBER' is not a SQL type — write one as CREATE TABLE does, e.g. BIGINT,"
                        + " DECIMAL(10, 2), TIMESTAMP(3), ROW<a INT>");
        assertThatThrownBy(() -> ResultColumn.of("x", "ARRAY<"))
                .hasMessageStartingWith("column 'x': cannot read the SQL type 'ARRAY<': ");
    }

    @Test
    void rowsCannotBeChanged() {
        ResultTable table = totals().row("eu", 1).build();

        assertThatThrownBy(() -> table.rows().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> table.rows().get(0).values().set(0, "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> table.rows().get(0).get("nope"))
                .hasMessage("no column 'nope' in [region, total]");
    }
}
