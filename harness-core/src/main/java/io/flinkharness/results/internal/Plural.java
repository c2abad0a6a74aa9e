package io.flinkharness.results.internal;

/** "1 row", "2 rows". Not part of the public API. */
public final class Plural {
    private Plural() {
    }

    public static String rows(long n) {
        return of(n, "row", "rows");
    }

    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
