package io.flinkharness.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTest {

    @Test
    void jsonArraysMayHoldNulls() {
        Row row = Row.fromJson("{\"tags\":[\"x\",null,\"z\"]}");

        assertThat(row.get("tags")).isEqualTo(java.util.Arrays.asList("x", null, "z"));
    }

    @Test
    void integralNumbersOfEveryTypeAndFromJsonAreEqualLongs() {
        Row fromJson = Row.fromJson("{\"n\":3}");

        for (Object three : List.of((byte) 3, (short) 3, 3, 3L, BigInteger.valueOf(3), new BigDecimal("3.00"), 3.0, 3.0f)) {
            Row row = Row.of("n", three);
            assertThat(row).as("%s (%s)", three, three.getClass().getSimpleName()).isEqualTo(fromJson);
            assertThat(row.hashCode()).isEqualTo(fromJson.hashCode());
            assertThat(row.get("n")).isEqualTo(3L);
        }
    }

    @Test
    void jsonNumbersWithFractionOrExponentThatAreIntegralAreLongs() {
        assertThat(Row.fromJson("{\"n\":2.0}").get("n")).isEqualTo(2L);
        assertThat(Row.fromJson("{\"n\":1e2}")).isEqualTo(Row.of("n", 100));
    }

    @Test
    void decimalsCompareWithoutTrailingZeros() {
        Row fromJson = Row.fromJson("{\"price\":2.50}");

        assertThat(fromJson.get("price")).isEqualTo(new BigDecimal("2.5"));
        assertThat(Row.of("price", 2.5)).isEqualTo(fromJson);
        assertThat(Row.of("price", 2.5f)).isEqualTo(fromJson);
        assertThat(Row.of("price", new BigDecimal("2.500"))).isEqualTo(fromJson);
        assertThat(Row.of("price", 2.51)).isNotEqualTo(fromJson);
    }

    @Test
    void doublesCompareByTheirShortestDecimalForm() {
        assertThat(Row.of("x", 0.1)).isEqualTo(Row.fromJson("{\"x\":0.1}"));
        assertThat(Row.of("x", 0.1f)).isEqualTo(Row.fromJson("{\"x\":0.1}"));
    }

    @Test
    void stringsThatLookLikeNumbersAreNotNumbers() {
        assertThat(Row.of("n", "3")).isNotEqualTo(Row.of("n", 3));
        assertThat(Row.fromJson("{\"n\":\"3\"}")).isNotEqualTo(Row.fromJson("{\"n\":3}"));
        assertThat(Row.fromJson("{\"n\":\"2.50\"}").get("n")).isEqualTo("2.50");
        assertThat(Row.fromJson("{\"n\":\"2.50\"}")).isNotEqualTo(Row.of("n", "2.5"));
    }

    @Test
    void booleansNullsAndCharacters() {
        assertThat(Row.fromJson("{\"b\":true,\"n\":null,\"c\":\"x\"}")).isEqualTo(Row.of("b", true, "n", null, "c", 'x'));
        assertThat(Row.fromJson("{\"b\":true}")).isNotEqualTo(Row.of("b", "true"));
    }

    @Test
    void aNullValueIsNotAMissingColumn() {
        assertThat(Row.of("a", 1, "b", null)).isNotEqualTo(Row.of("a", 1));
    }

    @Test
    void nestedObjectsAndArraysAreNormalisedToo() {
        Row fromJson = Row.fromJson("{\"a\":{\"b\":2.50,\"c\":[1,\"1\",{\"d\":3.0}]},\"tags\":[]}");

        Row expected = Row.of("a", Map.of("b", 2.5, "c", List.of(1, "1", Map.of("d", 3))), "tags", List.of());

        assertThat(fromJson).isEqualTo(expected);
        assertThat(fromJson.get("a")).isEqualTo(Map.of("b", new BigDecimal("2.5"), "c", List.of(1L, "1", Map.of("d", 3L))));
        assertThat(Row.of("a", List.of(1, 2))).isNotEqualTo(Row.of("a", List.of(2, 1)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nestedValuesCannotBeChanged() {
        Row row = Row.fromJson("{\"a\":{\"b\":1},\"c\":[1]}");

        assertThatThrownBy(() -> ((Map<String, Object>) row.get("a")).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) row.get("c")).add(2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.values().put("z", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void columnsAreInTheGivenOrderButEqualityIgnoresColumnOrder() {
        Row ab = Row.of("a", 1, "b", 2);
        Row ba = Row.of("b", 2, "a", 1);

        assertThat(ab.columns()).containsExactly("a", "b");
        assertThat(ba.columns()).containsExactly("b", "a");
        assertThat(ab).isEqualTo(ba);
    }

    @Test
    void ofMapKeepsTheMapsOrderAndNormalises() {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("z", 1);
        columns.put("a", 2.50);

        Row row = Row.of(columns);

        assertThat(row.columns()).containsExactly("z", "a");
        assertThat(row).isEqualTo(Row.fromJson("{\"a\":2.5,\"z\":1}"));
    }

    @Test
    void fromJsonKeepsTheColumnOrderOfTheObject() {
        assertThat(Row.fromJson("{\"user\":\"alice\",\"clicks\":3,\"at\":\"x\"}").columns())
                .containsExactly("user", "clicks", "at");
    }

    @Test
    void ofRefusesAnOddNumberOfArguments() {
        assertThatThrownBy(() -> Row.of("a", 1, "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Row.of takes column/value pairs, got 3 arguments");
        assertThatThrownBy(() -> Row.of("a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Row.of takes column/value pairs, got 1 arguments");
    }

    @Test
    void ofWithoutArgumentsIsTheEmptyRow() {
        assertThat(Row.of().columns()).isEmpty();
        assertThat(Row.of()).hasToString("{}").isEqualTo(Row.fromJson("{}"));
    }

    @Test
    void fromJsonRefusesWhatIsNotAnObject() {
        assertThatThrownBy(() -> Row.fromJson("[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a JSON object for a row, got: [1, 2]");
        assertThatThrownBy(() -> Row.fromJson("\"alice\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a JSON object for a row, got: \"alice\"");
        assertThatThrownBy(() -> Row.fromJson("null"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a JSON object for a row, got: null");
    }

    @Test
    void fromJsonRefusesMalformedJsonWithJacksonsReason() {
        assertThatThrownBy(() -> Row.fromJson("{\"user\": alice}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a JSON row: {\"user\": alice} (Unrecognized token 'alice': was expecting "
                        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false'))")
                .hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }

    @Test
    void fromJsonAbbreviatesLongInputInItsMessage() {
        String json = "[" + "1,".repeat(100) + "1]";

        assertThatThrownBy(() -> Row.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a JSON object for a row, got: " + json.substring(0, 117) + "...");
    }

    @Test
    void differingColumnsNamesChangedValuesAndColumnsOfOnlyOneRow() {
        Row expected = Row.of("a", 1, "b", 2, "c", 3);
        Row actual = Row.of("a", 1, "b", 5, "d", 4);

        assertThat(expected.differingColumns(actual)).containsExactly("b", "c", "d");
        assertThat(expected.differingColumns(Row.of("c", 3.0, "a", 1, "b", 2))).isEmpty();
        assertThat(Row.of("a", null).differingColumns(Row.of())).containsExactly("a");
    }

    @Test
    void toStringQuotesOnlyStringsThatCouldBeMistaken() {
        Row row = Row.of("user", "alice", "clicks", 3, "code", "3", "ratio", "-0.5", "empty", "", "blank", " ",
                "flag", "true", "word", "null", "none", null, "price", 2.50, "tags", List.of("a", "1"));

        assertThat(row).hasToString("{user=alice, clicks=3, code=\"3\", ratio=\"-0.5\", empty=\"\", blank=\" \", "
                + "flag=\"true\", word=\"null\", none=null, price=2.5, tags=[a, 1]}");
    }

    @Test
    void integralBigDecimalsInLongRangeEqualLongs() {
        assertThat(Row.of("n", new BigDecimal("9000000000000000000"))).isEqualTo(Row.of("n", 9_000_000_000_000_000_000L));
        assertThat(Row.of("n", new BigDecimal("1234567890123456789"))).isEqualTo(Row.fromJson("{\"n\":1234567890123456789}"));
    }

    @Test
    void integersBeyondLongEqualTheSameBigDecimal() {
        assertThat(Row.fromJson("{\"n\":10000000000000000000}")).isEqualTo(Row.of("n", new BigDecimal("1E+19")));
        assertThat(Row.of("n", new BigInteger("10000000000000000000"))).isEqualTo(Row.of("n", new BigDecimal("10000000000000000000")));
    }

    @Test
    void notANumberAndInfinitiesAreValues() {
        assertThatCode(() -> Row.of("x", Double.NaN, "y", Double.POSITIVE_INFINITY, "z", Float.NEGATIVE_INFINITY))
                .doesNotThrowAnyException();
        assertThat(Row.of("x", Double.NaN)).isEqualTo(Row.of("x", Double.NaN));
    }

    @Test
    void integralValuesAtTheLimitsOfLongAreLongsAndBeyondThemDecimals() {
        assertThat(Row.of("n", BigDecimal.valueOf(Long.MAX_VALUE)).get("n")).isEqualTo(Long.MAX_VALUE);
        assertThat(Row.of("n", BigInteger.valueOf(Long.MIN_VALUE)).get("n")).isEqualTo(Long.MIN_VALUE);
        assertThat(Row.of("n", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)).get("n"))
                .isEqualTo(new BigDecimal("9223372036854775808"));
    }

    @Test
    void largeDecimalsAreWrittenInDigits() {
        assertThat(Row.of("n", new BigDecimal("1E+19"), "m", new BigDecimal("-2.50E+20")))
                .hasToString("{n=10000000000000000000, m=-250000000000000000000}");
    }

    @Test
    void notANumberAndInfinitiesAreDoubles() {
        Row row = Row.of("x", Float.NaN, "y", Float.POSITIVE_INFINITY, "z", Double.NEGATIVE_INFINITY);

        assertThat(row.values()).containsExactly(Map.entry("x", Double.NaN), Map.entry("y", Double.POSITIVE_INFINITY),
                Map.entry("z", Double.NEGATIVE_INFINITY));
        assertThat(row).hasToString("{x=NaN, y=Infinity, z=-Infinity}");
    }

    @Test
    void aColumnGivenTwiceIsRefused() {
        assertThatThrownBy(() -> Row.of("x", 1, "y", 2, "x", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'x' given twice in Row.of");
    }
}
