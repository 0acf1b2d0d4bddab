package io.github.reservekit.reservation.application.port.in;

/**
 * The defaults of the core's own settings, declared once: the core's assembly takes them unless told otherwise, and
 * the Kafka adapter's {@code reservekit.*} settings derive their defaults (and the text the shells' IDE metadata shows)
 * from them. Amounts with their unit in the name, so they are compile-time constants.
 */
public final class ReservationDefaults {

    /** How long a writer waits for the log to decide its event ({@code reservekit.publish-timeout}): 5 s. */
    public static final long PUBLISH_TIMEOUT_SECONDS = 5;

    /** How far this host's clock may be from the log's ({@code reservekit.clock-skew-margin}): 500 ms. */
    public static final long CLOCK_SKEW_MARGIN_MILLIS = 500;

    /** How far ahead a reservation may start ({@code reservekit.max-horizon}): two years, 730 days. */
    public static final long MAX_HORIZON_DAYS = 730;

    private ReservationDefaults() {}
}
