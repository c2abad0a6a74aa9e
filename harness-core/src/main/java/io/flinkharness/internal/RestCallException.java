package io.flinkharness.internal;

import java.net.URI;
import java.util.List;

/** A REST service answered with an HTTP error; {@link #errors()} holds the server's error texts. */
public final class RestCallException extends RuntimeException {
    private final int status;
    private final List<String> errors;

    public RestCallException(String method, URI uri, int status, List<String> errors) {
        super(method + " " + uri + " answered HTTP " + status + ": " + FlinkErrorText.summary(errors));
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<String> errors() {
        return errors;
    }
}
