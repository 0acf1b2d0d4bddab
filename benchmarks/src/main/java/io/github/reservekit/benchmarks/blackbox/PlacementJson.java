package io.github.reservekit.benchmarks.blackbox;

import java.time.Instant;
import java.util.Locale;

/**
 * The JSON body of {@code POST /reservations}: a placement of {@code partySize} guests on a resource for a slot.
 *
 * @param resourceId the resource's id, as the API takes it
 * @param guestName the guest's name
 * @param partySize how many guests
 * @param startsAt the slot's start
 * @param endsAt the slot's end
 */
public record PlacementJson(String resourceId, String guestName, int partySize, Instant startsAt, Instant endsAt) {

    /** {@code {"resourceId":"...","guestName":"...","partySize":2,"startsAt":"...","endsAt":"..."}}. */
    public String toJson() {
        return String.format(
                Locale.ROOT,
                "{\"resourceId\":\"%s\",\"guestName\":\"%s\",\"partySize\":%d,\"startsAt\":\"%s\",\"endsAt\":\"%s\"}",
                escaped(resourceId),
                escaped(guestName),
                partySize,
                startsAt,
                endsAt);
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
