package io.github.reservekit.http;

import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.InvalidReservationException;
import java.util.Optional;
import java.util.Set;

/**
 * The answer a server gives a write before reading its body, while this instance's writes in flight are at their
 * bound: under a burst most requests are refused, and a refusal must cost a header, not a parsed, validated and
 * routed request with an exception turned into a problem (in spring-app that path cost more CPU than the writes it
 * let through). Both shells ask it in a filter in front of ReserveKit's paths; the core's admission still decides
 * every write that gets past it, so this is only a faster way to the same {@code 503}.
 *
 * <p>Reads ({@code GET}, {@code HEAD}, {@code OPTIONS}) are never refused. A placement ({@code POST /reservations})
 * gets the {@code idempotencyKey} to retry with: the client's own, or a new one when it sent none. A placement
 * whose {@code Idempotency-Key} breaks the key's rules is let through, to be answered {@code 400} as always.
 */
public final class EarlyWriteRefusal {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private EarlyWriteRefusal() {}

    /** Whether a request with this HTTP method is a write, which the early refusal may refuse (reads never are). */
    public static boolean isWrite(String method) {
        return !READS.contains(method);
    }

    /**
     * @param atLimit whether the writes in flight are at their bound now
     * @param method the request's HTTP method
     * @param path the request's path within the application (without the context path)
     * @param idempotencyKey the request's {@code Idempotency-Key} header, or null
     * @return the {@code 503} to answer at once, or empty to serve the request as usual
     */
    public static Optional<Problem> refusal(boolean atLimit, String method, String path, String idempotencyKey) {
        if (!atLimit || !isWrite(method)) {
            return Optional.empty();
        }
        if (!"POST".equals(method) || !"/reservations".equals(path)) {
            return Optional.of(ReservationProblems.overloaded(Optional.empty()));
        }
        if (idempotencyKey == null) {
            return Optional.of(ReservationProblems.overloaded(Optional.of(IdempotencyKey.generate())));
        }
        try {
            return Optional.of(ReservationProblems.overloaded(Optional.of(new IdempotencyKey(idempotencyKey))));
        } catch (InvalidReservationException badKey) {
            return Optional.empty();
        }
    }
}
