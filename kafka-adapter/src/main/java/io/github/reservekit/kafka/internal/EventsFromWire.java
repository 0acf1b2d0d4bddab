package io.github.reservekit.kafka.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.ReservationDetails;
import io.github.reservekit.reservation.domain.ReservationException;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ResourceId;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationConfirmed;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import io.github.reservekit.reservation.domain.event.ReservationRescheduled;
import io.github.reservekit.reservation.domain.event.ResourceDefined;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The reading half of {@link ReservationWire}: a record or CloudEvent of one of our types back into its domain event,
 * refusing anything else with a {@link WireFormatException} (never another exception for bad input).
 */
final class EventsFromWire {

    private EventsFromWire() {}

    /**
     * Reads a record written by {@link ReservationWire#toRecord} (or by any producer following CONTRACT.md).
     *
     * @throws WireFormatException if it is not a readable v1 reservation event; never another exception for
     *     bad input
     */
    static ReservationEvent fromRecord(Headers headers, byte[] value) throws WireFormatException {
        if (headers == null) {
            throw new WireFormatException(WireFormatException.Kind.MALFORMED, null, "record has no headers");
        }
        Header specVersion = headers.lastHeader(ReservationWire.SPEC_VERSION_HEADER);
        if (specVersion == null || specVersion.value() == null) {
            throw new WireFormatException(
                    WireFormatException.Kind.MALFORMED,
                    null,
                    "not a CloudEvent: no " + ReservationWire.SPEC_VERSION_HEADER + " header");
        }
        String version = new String(specVersion.value(), StandardCharsets.UTF_8);
        if (!SpecVersion.V1.toString().equals(version)) {
            throw new WireFormatException(
                    WireFormatException.Kind.UNSUPPORTED_VERSION, null, "CloudEvents spec version " + version);
        }
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException broken) {
            throw new WireFormatException(
                    WireFormatException.Kind.MALFORMED, null, "not a valid CloudEvent: " + broken.getMessage(), broken);
        }
        return fromCloudEvent(cloudEvent);
    }

    /**
     * Reads a CloudEvent of one of our types into its domain event.
     *
     * @throws WireFormatException if it is not a readable v1 reservation event
     */
    static ReservationEvent fromCloudEvent(CloudEvent cloudEvent) throws WireFormatException {
        String type = cloudEvent.getType();
        Matcher ours = ReservationWire.OUR_TYPES.matcher(type);
        if (!ours.matches()) {
            throw new WireFormatException(WireFormatException.Kind.UNKNOWN_TYPE, type, "unknown event type " + type);
        }
        if (!ours.group(2).equals("1")) {
            throw new WireFormatException(
                    WireFormatException.Kind.UNSUPPORTED_VERSION, type, "unsupported event version " + type);
        }
        String contentType = cloudEvent.getDataContentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith(ReservationWire.JSON)) {
            throw malformed(type, "data content type " + contentType + " is not " + ReservationWire.JSON, null);
        }
        if (cloudEvent.getData() == null) {
            throw malformed(type, "no data", null);
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(cloudEvent.getId());
        } catch (IllegalArgumentException notAUuid) {
            throw malformed(type, "ce_id '" + cloudEvent.getId() + "' is not a UUID", notAUuid);
        }
        byte[] json = cloudEvent.getData().toBytes();
        try {
            ReservationEvent event = switch (ours.group(1)) {
                case "reservation.placed" -> placed(eventId, ReservationWire.MAPPER.readValue(json, PlacedData.class));
                case "reservation.cancelled" ->
                    cancelled(eventId, ReservationWire.MAPPER.readValue(json, CancelledData.class));
                case "reservation.confirmed" ->
                    confirmed(eventId, ReservationWire.MAPPER.readValue(json, ConfirmedData.class));
                case "reservation.rescheduled" ->
                    rescheduled(eventId, ReservationWire.MAPPER.readValue(json, RescheduledData.class));
                case "resource.defined" ->
                    defined(eventId, ReservationWire.MAPPER.readValue(json, ResourceDefinedData.class));
                default -> rejected(eventId, ReservationWire.MAPPER.readValue(json, RejectedData.class));
            };
            if (cloudEvent.getSubject() != null && !cloudEvent.getSubject().equals(event.subject())) {
                throw malformed(
                        type,
                        "ce_subject " + cloudEvent.getSubject() + " is not the data's "
                                + (event instanceof ResourceDefined ? "resourceId" : "reservationId"),
                        null);
            }
            return event;
        } catch (JsonProcessingException badJson) {
            throw malformed(type, "data is not valid JSON of " + type + ": " + badJson.getOriginalMessage(), badJson);
        } catch (IOException unreadable) {
            throw malformed(type, "data is unreadable: " + unreadable.getMessage(), unreadable);
        } catch (ReservationException | IllegalArgumentException | NullPointerException invalid) {
            throw malformed(type, "invalid data: " + invalid.getMessage(), invalid);
        }
    }

    private static ReservationPlaced placed(UUID eventId, PlacedData data) {
        var details = new ReservationDetails(
                new ResourceId(required(data.resourceId(), "resourceId")),
                new GuestName(required(data.guestName(), "guestName")),
                new PartySize(required(data.partySize(), "partySize")),
                new TimeSlot(required(data.startsAt(), "startsAt"), required(data.endsAt(), "endsAt")));
        return new ReservationPlaced(
                eventId,
                required(data.createdAt(), "createdAt"),
                ReservationId.parse(required(data.reservationId(), "reservationId")),
                details,
                Optional.ofNullable(data.idempotencyKey()).map(IdempotencyKey::new),
                Optional.ofNullable(data.confirmBy()),
                Optional.ofNullable(data.holdFor()).map(EventsFromWire::holdFor),
                data.units() == null ? 1 : data.units(),
                Optional.ofNullable(data.placedBy()).map(PrincipalName::new));
    }

    private static ResourceDefined defined(UUID eventId, ResourceDefinedData data) {
        return new ResourceDefined(
                eventId,
                required(data.definedAt(), "definedAt"),
                new ResourceId(required(data.resourceId(), "resourceId")),
                required(data.capacity(), "capacity"),
                Optional.ofNullable(data.name()),
                Optional.ofNullable(data.confirmBy()),
                Optional.ofNullable(data.ifVersion()));
    }

    private static Duration holdFor(String text) {
        Duration holdFor;
        try {
            holdFor = Duration.parse(text);
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("holdFor '" + text + "' is not an ISO-8601 duration", unreadable);
        }
        if (holdFor.isNegative() || holdFor.isZero()) {
            throw new IllegalArgumentException("holdFor " + text + " is not positive");
        }
        return holdFor;
    }

    private static ReservationRescheduled rescheduled(UUID eventId, RescheduledData data) {
        return new ReservationRescheduled(
                eventId,
                required(data.rescheduledAt(), "rescheduledAt"),
                ReservationId.parse(required(data.reservationId(), "reservationId")),
                new ResourceId(required(data.resourceId(), "resourceId")),
                new TimeSlot(required(data.startsAt(), "startsAt"), required(data.endsAt(), "endsAt")),
                required(data.units(), "units"),
                Optional.ofNullable(data.confirmBy()),
                Optional.ofNullable(data.ifVersion()));
    }

    private static ReservationConfirmed confirmed(UUID eventId, ConfirmedData data) {
        return new ReservationConfirmed(
                eventId,
                required(data.confirmedAt(), "confirmedAt"),
                ReservationId.parse(required(data.reservationId(), "reservationId")),
                new ResourceId(required(data.resourceId(), "resourceId")),
                Optional.ofNullable(data.confirmBy()),
                Optional.ofNullable(data.ifVersion()));
    }

    private static ReservationCancelled cancelled(UUID eventId, CancelledData data) {
        return new ReservationCancelled(
                eventId,
                required(data.cancelledAt(), "cancelledAt"),
                ReservationId.parse(required(data.reservationId(), "reservationId")),
                new ResourceId(required(data.resourceId(), "resourceId")),
                Optional.ofNullable(data.confirmBy()),
                Optional.ofNullable(data.ifVersion()));
    }

    private static ReservationRejected rejected(UUID eventId, RejectedData data) {
        return new ReservationRejected(
                eventId,
                required(data.rejectedAt(), "rejectedAt"),
                ReservationId.parse(required(data.reservationId(), "reservationId")),
                new ResourceId(required(data.resourceId(), "resourceId")),
                ReservationRejected.Reason.valueOf(required(data.reason(), "reason")
                        .toUpperCase(Locale.ROOT)
                        .replace('-', '_')),
                Optional.ofNullable(data.conflictingReservationId()).map(ReservationId::parse));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value;
    }

    private static WireFormatException malformed(String type, String message, Throwable cause) {
        return new WireFormatException(WireFormatException.Kind.MALFORMED, type, message, cause);
    }
}
