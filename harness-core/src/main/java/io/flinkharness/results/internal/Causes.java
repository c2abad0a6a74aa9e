package io.flinkharness.results.internal;

/** An exception's message and its causes' messages, joined. Not part of the public API. */
final class Causes {
    private Causes() {
    }

    static String of(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !out.toString().contains(c.getMessage())) {
                out.append(" — ").append(c.getMessage());
            }
        }
        return out.toString();
    }
}
