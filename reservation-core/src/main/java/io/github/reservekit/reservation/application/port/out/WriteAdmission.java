package io.github.reservekit.reservation.application.port.out;

import java.util.Optional;

/**
 * Admission control for writes, the outbound port that bounds how many writes one instance has in flight: asked
 * before a write publishes anything, it lets the write in or refuses it at once. A refused write publishes nothing
 * and fails with {@link io.github.reservekit.reservation.domain.WriteNotAdmittedException} (outcome
 * {@code NOT_KEPT}), so the excess over what the log currently absorbs gets a fast, honest answer instead of a
 * queue. Reads never ask.
 *
 * <p>An implementation may adapt its bound to the latency it measures between {@link #tryAdmit()} and the end the
 * writer reports through the {@link Admitted} it handed out. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface WriteAdmission {

    /**
     * Lets one write in, or not.
     *
     * @return the admitted write, whose end the writer must report exactly once; empty when this instance already
     *     has as many writes in flight as it takes now: the write must then publish nothing
     */
    Optional<Admitted> tryAdmit();

    /**
     * Whether this instance has as many writes in flight as it takes now, so that a write asked now would most likely
     * be refused. A server asks it before it reads a write's body, to refuse the excess of a burst for the price of a
     * header rather than of a parsed, validated and routed request; {@link #tryAdmit()} still decides every write
     * that gets past it.
     *
     * @return false unless the bound is reached (the default: a bound that cannot tell never refuses early)
     */
    default boolean atLimit() {
        return false;
    }

    /**
     * How many writes this instance takes in flight now. A server holds the write requests it is serving (from their
     * headers to their answer) to it, so that a burst's excess is refused before its body is read instead of after,
     * by {@link #tryAdmit()}.
     *
     * @return the bound now; {@link Integer#MAX_VALUE} when there is none (the default)
     */
    default int bound() {
        return Integer.MAX_VALUE;
    }

    /** No bound: every write is let in (the default of a core assembled without one). */
    static WriteAdmission unlimited() {
        return () -> Optional.of(Admitted.IGNORED);
    }

    /** A write let in. Exactly one of its methods is called, once the write has its answer. */
    interface Admitted {

        /** An admitted write whose end tells nothing (what {@link #unlimited()} hands out). */
        Admitted IGNORED = new Admitted() {
            @Override
            public void decided() {}

            @Override
            public void timedOut() {}

            @Override
            public void ignored() {}
        };

        /** The log decided the write in time: the time since it was admitted is what a write costs now. */
        void decided();

        /** The write got no decision within its publish timeout: the log does not absorb what it is given. */
        void timedOut();

        /** The write ended for a reason that says nothing about the load (refused outright, a bug). */
        void ignored();
    }
}
