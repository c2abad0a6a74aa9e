package io.flinkharness.internal;

import java.net.URI;

/** A service did not answer at all: not started, wrong address, or hung. */
public final class ServiceUnreachableException extends RuntimeException {
    private final String reason;

    public ServiceUnreachableException(String service, URI uri, String reason, Throwable cause) {
        super(service + " at " + uri.getScheme() + "://" + uri.getAuthority() + " did not answer (" + reason
                + ") — is it running, and is the address right?", cause);
        this.reason = reason;
    }

    /** Why, in a few words: "connection refused", "no answer within PT2S", ... */
    public String reason() {
        return reason;
    }
}
