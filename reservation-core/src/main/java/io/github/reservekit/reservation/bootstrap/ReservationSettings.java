package io.github.reservekit.reservation.bootstrap;

import io.github.reservekit.reservation.application.port.in.ReservationDefaults;
import java.time.Duration;
import java.util.Objects;

/**
 * The core's own settings, what {@link ReservationApplication.Builder#settings} takes; {@link #DEFAULTS} unless told
 * otherwise. Immutable.
 *
 * @param publishTimeout how long a writer waits for the log to decide its event ({@code reservekit.publish-timeout});
 *     5 s by default
 * @param clockSkewMargin how far this host's clock may be from the log's ({@code reservekit.clock-skew-margin}); 500
 *     ms by default. A writer that saw no decision waits this much past its event's {@code confirmBy} before it reads
 *     the log to conclude, so an answer takes at most the publish timeout plus twice this
 * @param maxHorizon how far ahead of now a reservation may start ({@code reservekit.max-horizon}); two years (730
 *     days) by default. A slot further ahead is refused, naming {@code startsAt}, so nothing is held in memory for
 *     decades
 * @param ownerOnly whether only the principal who placed a reservation may cancel, confirm or move it
 *     ({@code reservekit.owner-only}); off by default. A reservation placed with no principal stays open to every
 *     caller; a refused change publishes nothing and throws
 *     {@link io.github.reservekit.reservation.domain.NotReservationOwnerException}
 */
public record ReservationSettings(
        Duration publishTimeout, Duration clockSkewMargin, Duration maxHorizon, boolean ownerOnly) {

    /** Every setting at its default ({@link ReservationDefaults}). */
    public static final ReservationSettings DEFAULTS = new ReservationSettings(
            Duration.ofSeconds(ReservationDefaults.PUBLISH_TIMEOUT_SECONDS),
            Duration.ofMillis(ReservationDefaults.CLOCK_SKEW_MARGIN_MILLIS),
            Duration.ofDays(ReservationDefaults.MAX_HORIZON_DAYS),
            false);

    /** @throws IllegalArgumentException if {@code maxHorizon} is not positive */
    public ReservationSettings {
        Objects.requireNonNull(publishTimeout, "publishTimeout");
        Objects.requireNonNull(clockSkewMargin, "clockSkewMargin");
        Objects.requireNonNull(maxHorizon, "maxHorizon");
        if (!maxHorizon.isPositive()) {
            throw new IllegalArgumentException("maxHorizon must be positive, was " + maxHorizon);
        }
    }

    /** These settings with another publish timeout, e.g. {@code DEFAULTS.withPublishTimeout(Duration.ofSeconds(2))}. */
    public ReservationSettings withPublishTimeout(Duration publishTimeout) {
        return new ReservationSettings(publishTimeout, clockSkewMargin, maxHorizon, ownerOnly);
    }

    /** These settings with another clock-skew margin. */
    public ReservationSettings withClockSkewMargin(Duration clockSkewMargin) {
        return new ReservationSettings(publishTimeout, clockSkewMargin, maxHorizon, ownerOnly);
    }

    /** These settings with another horizon; it must be positive. */
    public ReservationSettings withMaxHorizon(Duration maxHorizon) {
        return new ReservationSettings(publishTimeout, clockSkewMargin, maxHorizon, ownerOnly);
    }

    /** These settings with owner-only changes on or off. */
    public ReservationSettings withOwnerOnly(boolean ownerOnly) {
        return new ReservationSettings(publishTimeout, clockSkewMargin, maxHorizon, ownerOnly);
    }
}
