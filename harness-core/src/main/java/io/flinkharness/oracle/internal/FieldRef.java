package io.flinkharness.oracle.internal;

import io.flinkharness.data.Struct;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * A field of the generated records, by name or dotted path into nested rows, with its Flink type. Its column name
 * is the last part of the path, as Flink names {@code SELECT address.city}. Not part of the public API.
 */
public record FieldRef(String path, String column, LogicalType type) {

    /**
     * The field {@code path} of {@code rowType}, or the problem with it.
     *
     * @param call how the user named it, for the message ({@code sum("amout", "total")})
     */
    public static Optional<FieldRef> resolve(String path, RowType rowType, String call, Problems problems) {
        RowType current = rowType;
        String[] parts = path.split("\\.", -1);
        LogicalType type = null;
        for (int i = 0; i < parts.length; i++) {
            int index = current.getFieldNames().indexOf(parts[i]);
            if (index < 0) {
                String where = i == 0 ? "the generated records" : "row '" + String.join(".", java.util.Arrays
                        .copyOfRange(parts, 0, i)) + "'";
                problems.add(call + ": no field '" + parts[i] + "' in " + where + " — "
                        + Names.didYouMean(parts[i], current.getFieldNames(), "fields"));
                return Optional.empty();
            }
            type = current.getTypeAt(index);
            if (i < parts.length - 1) {
                if (!(type instanceof RowType nested)) {
                    problems.add(call + ": field '" + String.join(".", java.util.Arrays.copyOfRange(parts, 0, i + 1))
                            + "' is " + type.asSummaryString() + ", not a ROW, so it has no field '" + parts[i + 1]
                            + "'");
                    return Optional.empty();
                }
                current = nested;
            }
        }
        return Optional.of(new FieldRef(path, parts[parts.length - 1], type));
    }

    /** The value of this field in a record; null when a row on the path is null. */
    public Object valueIn(Struct record) {
        return record.get(path);
    }

    /** The type without its nullability, for messages: {@code INT}, {@code DECIMAL(10, 2)}. */
    public String typeName() {
        return type.copy(true).asSummaryString();
    }
}
