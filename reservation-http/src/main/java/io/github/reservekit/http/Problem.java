package io.github.reservekit.http;

import io.github.reservekit.reservation.domain.FieldViolation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 9457 problem as the API sends it, before a framework renders it as {@code application/problem+json}.
 *
 * @param status the HTTP status
 * @param type a URI reference naming the kind of problem
 * @param title the same for every problem of the type
 * @param detail this occurrence, safe to show to a client (never a stack trace, class name or internal message)
 * @param errors for invalid requests, each bad field and its rule; empty otherwise (then not rendered)
 * @param extensions further members, e.g. {@code conflictingReservationId}
 * @param retryAfterSeconds the {@code Retry-After} header to send, if any
 */
public record Problem(
        int status,
        String type,
        String title,
        String detail,
        List<FieldViolation> errors,
        Map<String, String> extensions,
        Optional<Integer> retryAfterSeconds) {

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
        Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
    }

    /** The media type every problem is sent as. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The JSON members in the order every shell sends them: {@code type}, {@code title}, {@code status},
     * {@code detail}, {@code instance}, {@code errors} (only when there are any), then the extensions by name.
     * Plain maps, lists and strings, so any JSON library renders it as it is.
     *
     * @param instance the request's path, e.g. {@code /reservations/42}
     */
    public Map<String, Object> body(String instance) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        if (!errors.isEmpty()) {
            body.put(
                    "errors",
                    errors.stream()
                            .map(error -> Map.of("field", error.field(), "message", error.message()))
                            .map(java.util.TreeMap::new)
                            .toList());
        }
        new java.util.TreeMap<>(extensions).forEach(body::put);
        return body;
    }

    /**
     * {@link #body(String)} as UTF-8 JSON, for a server that answers before its framework's own rendering (e.g.
     * {@link EarlyWriteRefusal} in a filter).
     */
    public byte[] json(String instance) {
        return StrictJson.write(body(instance));
    }
}
