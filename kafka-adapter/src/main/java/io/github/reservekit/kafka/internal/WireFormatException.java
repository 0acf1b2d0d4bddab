package io.github.reservekit.kafka.internal;

/** A record that is not a readable v1 reservation event; {@link #kind()} says why. */
public final class WireFormatException extends Exception {

    /** Why a record could not be read. */
    public enum Kind {
        /** Broken: not a CloudEvent, bad JSON, a missing or invalid field. */
        MALFORMED,
        /** A CloudEvent of a type this reader does not know. */
        UNKNOWN_TYPE,
        /** A known event in a version this reader does not know, or a CloudEvents spec version other than 1.0. */
        UNSUPPORTED_VERSION
    }

    private final Kind kind;
    private final String type;

    WireFormatException(Kind kind, String type, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.type = type;
    }

    WireFormatException(Kind kind, String type, String message) {
        this(kind, type, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The record's {@code ce_type}, or null if it had none. */
    public String type() {
        return type;
    }
}
