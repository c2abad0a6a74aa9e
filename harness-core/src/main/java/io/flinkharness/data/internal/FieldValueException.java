package io.flinkharness.data.internal;

/**
 * A struct value that does not fit its field: names the field path ({@code address.zip}, {@code tags[2]},
 * {@code attrs["k"]}), the SQL type, what was expected and what was given. Not part of the public API.
 */
public final class FieldValueException extends IllegalArgumentException {
    private final String path;
    private final String problem;

    public FieldValueException(String path, String problem) {
        super((String) null);
        this.path = path;
        this.problem = problem;
    }

    /** The same problem with the innermost unknown position ({@code [#]}) of the path filled in. */
    FieldValueException at(Object position) {
        int hole = path.lastIndexOf("[#]");
        String filled = hole < 0 ? path : path.substring(0, hole) + "[" + position + "]" + path.substring(hole + 3);
        FieldValueException e = new FieldValueException(filled, problem);
        e.setStackTrace(getStackTrace());
        return e;
    }

    public String path() {
        return path;
    }

    @Override
    public String getMessage() {
        return "field '" + path + "' " + problem;
    }
}
