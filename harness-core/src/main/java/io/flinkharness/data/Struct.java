package io.flinkharness.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable record of named values: one generated row, or a nested {@code ROW} inside one.
 * Values use plain Java types: {@code String}, {@code Integer}, {@code Long}, {@code BigDecimal}, {@code Instant}
 * (TIMESTAMP_LTZ), {@code LocalDateTime} (TIMESTAMP), {@code LocalDate}, {@code LocalTime}, {@code byte[]},
 * {@code List}, {@code Map} and {@code Struct}.
 *
 * <pre>{@code
 * Struct click = record.value();
 * String user = (String) click.get("user_id");
 * }</pre>
 */
public final class Struct {
    private final Names names;
    private final Object[] values;

    private Struct(Names names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** A struct with the given field names and values, in that order. */
    public static Struct of(List<String> fieldNames, List<?> values) {
        if (fieldNames.size() != values.size()) {
            throw new IllegalArgumentException(fieldNames.size() + " field names but " + values.size() + " values");
        }
        return new Struct(Names.of(fieldNames), values.toArray());
    }

    /**
     * A factory for structs that share field names; {@link #create(Object[])} takes the array without copying
     * (the caller hands it over), which keeps generating millions of rows cheap.
     */
    public static Factory factory(List<String> fieldNames) {
        return new Factory(Names.of(fieldNames));
    }

    /** Builds structs of one shape; see {@link Struct#factory(List)}. */
    public static final class Factory {
        private final Names names;

        private Factory(Names names) {
            this.names = names;
        }

        public List<String> fieldNames() {
            return names.list;
        }

        /** A struct over {@code values}; the array must not be changed afterwards. */
        public Struct create(Object[] values) {
            if (values.length != names.list.size()) {
                throw new IllegalArgumentException(names.list.size() + " fields but " + values.length + " values");
            }
            return new Struct(names, values);
        }
    }

    public List<String> fieldNames() {
        return names.list;
    }

    public int size() {
        return values.length;
    }

    /** The value at a position (0-based, schema order). */
    public Object get(int position) {
        return values[position];
    }

    /** The value of a field; a dotted path reaches into nested structs ({@code "address.city"}). */
    public Object get(String field) {
        int dot = field.indexOf('.');
        if (dot > 0 && !names.index.containsKey(field)) {
            Object head = get(field.substring(0, dot));
            return head == null ? null : ((Struct) head).get(field.substring(dot + 1));
        }
        Integer i = names.index.get(field);
        if (i == null) {
            throw new IllegalArgumentException("no field '" + field + "' in " + names.list);
        }
        return values[i];
    }

    public boolean has(String field) {
        return names.index.containsKey(field);
    }

    /** A copy with one top-level field replaced. */
    public Struct with(String field, Object value) {
        Object[] copy = values.clone();
        Integer i = names.index.get(field);
        if (i == null) {
            throw new IllegalArgumentException("no field '" + field + "' in " + names.list);
        }
        copy[i] = value;
        return new Struct(names, copy);
    }

    /** The fields named, in the order given. */
    public Struct project(List<String> fields) {
        Object[] picked = new Object[fields.size()];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = get(fields.get(i));
        }
        return new Struct(Names.of(fields), picked);
    }

    /** Field name to value, in schema order; nested structs stay structs. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(names.list.get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Struct other && names.list.equals(other.names.list)
                && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names.list, Arrays.deepHashCode(values));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(names.list.get(i)).append('=');
            out.append(values[i] instanceof byte[] b ? Arrays.toString(b) : values[i]);
        }
        return out.append('}').toString();
    }

    /** Field names shared by every struct of one type. */
    static final class Names {
        final List<String> list;
        final Map<String, Integer> index;

        private Names(List<String> list) {
            this.list = List.copyOf(list);
            this.index = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                index.put(list.get(i), i);
            }
        }

        static Names of(List<String> names) {
            return new Names(names);
        }
    }
}
