package io.github.reservekit.reservation.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A resource as defined on the log (CONTRACT.md version 3, section 4.1): how many units it holds at any instant, an
 * optional name, and a version that grows by one with each definition the fold applies. A resource nobody defined
 * holds one unit, as in contract version 2, at version 0.
 *
 * @param id the resource
 * @param capacity how many units its counting reservations may take at any instant: {@value #MIN_CAPACITY} to
 *     {@value #MAX_CAPACITY}
 * @param name what people call it, 1 to {@value #MAX_NAME_LENGTH} characters, if given
 * @param version 0 while undefined, then 1, 2, ... for each definition applied
 */
public record Resource(ResourceId id, int capacity, Optional<String> name, long version) {

    public static final int MIN_CAPACITY = 1;
    public static final int MAX_CAPACITY = 10_000;
    public static final int MAX_NAME_LENGTH = 200;

    /** @throws InvalidReservationException naming {@code capacity} or {@code name} when out of range */
    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        checkCapacity(capacity);
        name.ifPresent(Resource::checkName);
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, was " + version);
        }
    }

    /** A resource nobody defined: one unit, no name, version 0. */
    public static Resource undefined(ResourceId id) {
        return new Resource(id, MIN_CAPACITY, Optional.empty(), 0);
    }

    /** Whether anyone defined it. */
    public boolean defined() {
        return version > 0;
    }

    /** @throws InvalidReservationException naming {@code capacity} unless 1 to 10,000 */
    public static void checkCapacity(int capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new InvalidReservationException("capacity", "must be " + MIN_CAPACITY + " to " + MAX_CAPACITY);
        }
    }

    /** @throws InvalidReservationException naming {@code units} unless 1 to 10,000 */
    public static void checkUnits(int units) {
        if (units < MIN_CAPACITY || units > MAX_CAPACITY) {
            throw new InvalidReservationException("units", "must be " + MIN_CAPACITY + " to " + MAX_CAPACITY);
        }
    }

    /** @throws InvalidReservationException naming {@code name} unless 1 to 200 characters, not blank */
    public static void checkName(String name) {
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidReservationException("name", "must be 1 to " + MAX_NAME_LENGTH + " characters, not blank");
        }
    }
}
