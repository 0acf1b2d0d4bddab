package io.github.reservekit.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The JSON body of {@code POST /reservations}, built member by member: the one place the suites and the shells' own
 * tests write it. Members come in the order of the OpenAPI document's example ({@code resourceId}, {@code guestName},
 * {@code partySize}, {@code startsAt}, {@code endsAt}), then {@code units} and {@code holdFor} when set; a guest
 * "Ada" of party 2 unless told otherwise. Values are written as given, not escaped: the tests that need a bad value
 * replace text in the result.
 */
public final class PlacementJson {

    private final String resourceId;
    private final Instant startsAt;
    private final Instant endsAt;
    private String guestName = "Ada";
    private int partySize = 2;
    private Integer units;
    private String holdFor;

    private PlacementJson(String resourceId, Instant startsAt, Instant endsAt) {
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.startsAt = Objects.requireNonNull(startsAt, "startsAt");
        this.endsAt = Objects.requireNonNull(endsAt, "endsAt");
    }

    /** A placement of {@code resourceId} for {@code [startsAt, endsAt)}. */
    public static PlacementJson placement(String resourceId, Instant startsAt, Instant endsAt) {
        return new PlacementJson(resourceId, startsAt, endsAt);
    }

    /** A table for 2 hours the day after tomorrow, on the hour, on a resource ({@code table-...}) no other test uses. */
    public static PlacementJson onANewTable() {
        var startsAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        return placement(
                "table-" + UUID.randomUUID().toString().substring(0, 8), startsAt, startsAt.plus(Duration.ofHours(2)));
    }

    /** The guest's name, "Ada" unless set. */
    public PlacementJson guest(String guestName) {
        this.guestName = guestName;
        return this;
    }

    /** The party size, 2 unless set. */
    public PlacementJson partySize(int partySize) {
        this.partySize = partySize;
        return this;
    }

    /** The units of the resource taken; left out (the shell's default of 1) unless set. */
    public PlacementJson units(int units) {
        this.units = units;
        return this;
    }

    /** A hold for this ISO-8601 duration (e.g. {@code PT10M}) instead of a confirmed placement. */
    public PlacementJson holdFor(String holdFor) {
        this.holdFor = holdFor;
        return this;
    }

    /** The body as JSON text. */
    public String json() {
        var json = new StringBuilder()
                .append("{\"resourceId\":\"")
                .append(resourceId)
                .append("\",\"guestName\":\"")
                .append(guestName)
                .append("\",\"partySize\":")
                .append(partySize)
                .append(",\"startsAt\":\"")
                .append(startsAt)
                .append("\",\"endsAt\":\"")
                .append(endsAt)
                .append('"');
        if (units != null) {
            json.append(",\"units\":").append(units);
        }
        if (holdFor != null) {
            json.append(",\"holdFor\":\"").append(holdFor).append('"');
        }
        return json.append('}').toString();
    }

    @Override
    public String toString() {
        return json();
    }
}
