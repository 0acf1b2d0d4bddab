package io.github.reservekit.kafka.settings;

import io.github.reservekit.reservation.application.port.in.ReservationDefaults;

/**
 * The default of every {@code reservekit.*} setting that has one, declared once, as the text a user would write:
 * {@link ReserveKitSettings#bind} parses it when the key is unset, and the shells' configuration classes name it
 * (Spring's {@code @DefaultValue}, Micronaut's {@code @Bindable}) so their IDE metadata shows it; compile-time
 * constants for that reason. The core's own settings take their amounts from the core ({@link ReservationDefaults}).
 * {@code source} has no default here (each shell names itself), nor {@code retention} and {@code retention-bytes}
 * (unset: no limit).
 */
public final class ReserveKitDefaults {

    public static final String TOPIC = "reserve";
    public static final String PUBLISH_TIMEOUT = ReservationDefaults.PUBLISH_TIMEOUT_SECONDS + "s";
    public static final String PARTITIONS = "3";
    public static final String REPLAY_TIMEOUT = "5m";
    public static final String CLOCK_SKEW_MARGIN = ReservationDefaults.CLOCK_SKEW_MARGIN_MILLIS + "ms";
    public static final String MAX_HORIZON = ReservationDefaults.MAX_HORIZON_DAYS + "d";
    public static final String OWNER_ONLY = "false";
    public static final String MIN_WRITES_IN_FLIGHT = "50";
    public static final String MAX_WRITES_IN_FLIGHT = "200";

    private ReserveKitDefaults() {}
}
