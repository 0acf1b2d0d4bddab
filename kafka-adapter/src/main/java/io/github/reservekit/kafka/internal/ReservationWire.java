package io.github.reservekit.kafka.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.ReservationId;
import io.github.reservekit.reservation.domain.ReservationStatus;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationConfirmed;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import io.github.reservekit.reservation.domain.event.ReservationRescheduled;
import io.github.reservekit.reservation.domain.event.ResourceDefined;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Utils;

/**
 * The wire format of CONTRACT.md section 2, both ways: key = resourceId, value = UTF-8 JSON data, CloudEvents
 * 1.0 binary-mode headers written and read by the CloudEvents SDK's Kafka binding. Thread-safe.
 */
public final class ReservationWire {

    public static final String PLACED_V1 = "io.github.reservekit.reservation.placed.v1";
    public static final String CANCELLED_V1 = "io.github.reservekit.reservation.cancelled.v1";
    public static final String REJECTED_V1 = "io.github.reservekit.reservation.rejected.v1";
    public static final String CONFIRMED_V1 = "io.github.reservekit.reservation.confirmed.v1";
    public static final String RESCHEDULED_V1 = "io.github.reservekit.reservation.rescheduled.v1";
    public static final String RESOURCE_DEFINED_V1 = "io.github.reservekit.resource.defined.v1";
    public static final String JSON = "application/json";

    /**
     * Where the JSON Schema of each type is published: {@code ce_dataschema} is this plus {@code <ce_type>.json},
     * the schema's {@code $id}. Each shell serves the same file at that path ({@code /schemas/<ce_type>.json}).
     */
    public static final String SCHEMA_BASE = "https://reservekit.github.io/schemas/";

    static final Pattern OUR_TYPES = Pattern.compile("io\\.github\\.reservekit\\."
            + "(reservation\\.(?:placed|cancelled|rejected|confirmed|rescheduled)|resource\\.defined)\\.v(\\d+)");
    static final String SPEC_VERSION_HEADER = "ce_specversion";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private ReservationWire() {}

    /** What one domain event looks like on the wire, before the CloudEvents binding. */
    private record Wire(String type, Instant time, Object data) {}

    /** The single, exhaustive mapping from domain events to the wire model. */
    private static Wire toWire(ReservationEvent event) {
        return switch (event) {
            case ReservationPlaced placed ->
                new Wire(
                        PLACED_V1,
                        placed.occurredAt(),
                        new PlacedData(
                                placed.reservationId().toString(),
                                placed.resourceId().value(),
                                placed.guestName().value(),
                                placed.partySize().value(),
                                placed.slot().startsAt(),
                                placed.slot().endsAt(),
                                placed.createdAt(),
                                placed.holdFor().isPresent()
                                        ? ReservationStatus.HELD.name()
                                        : ReservationStatus.CONFIRMED.name(),
                                placed.idempotencyKey()
                                        .map(IdempotencyKey::value)
                                        .orElse(null),
                                placed.confirmBy().orElse(null),
                                placed.holdFor().map(Duration::toString).orElse(null),
                                placed.units() == 1 ? null : placed.units(),
                                placed.placedBy().map(PrincipalName::value).orElse(null)));
            case ResourceDefined defined ->
                new Wire(
                        RESOURCE_DEFINED_V1,
                        defined.occurredAt(),
                        new ResourceDefinedData(
                                defined.resourceId().value(),
                                defined.capacity(),
                                defined.name().orElse(null),
                                defined.definedAt(),
                                defined.confirmBy().orElse(null),
                                defined.ifVersion().orElse(null)));
            case ReservationRescheduled rescheduled ->
                new Wire(
                        RESCHEDULED_V1,
                        rescheduled.occurredAt(),
                        new RescheduledData(
                                rescheduled.reservationId().toString(),
                                rescheduled.resourceId().value(),
                                rescheduled.slot().startsAt(),
                                rescheduled.slot().endsAt(),
                                rescheduled.units(),
                                rescheduled.rescheduledAt(),
                                rescheduled.confirmBy().orElse(null),
                                rescheduled.ifVersion().orElse(null)));
            case ReservationConfirmed confirmed ->
                new Wire(
                        CONFIRMED_V1,
                        confirmed.occurredAt(),
                        new ConfirmedData(
                                confirmed.reservationId().toString(),
                                confirmed.resourceId().value(),
                                confirmed.confirmedAt(),
                                confirmed.confirmBy().orElse(null),
                                confirmed.ifVersion().orElse(null)));
            case ReservationCancelled cancelled ->
                new Wire(
                        CANCELLED_V1,
                        cancelled.occurredAt(),
                        new CancelledData(
                                cancelled.reservationId().toString(),
                                cancelled.resourceId().value(),
                                cancelled.cancelledAt(),
                                cancelled.confirmBy().orElse(null),
                                cancelled.ifVersion().orElse(null)));
            case ReservationRejected rejected ->
                new Wire(
                        REJECTED_V1,
                        rejected.occurredAt(),
                        new RejectedData(
                                rejected.reservationId().toString(),
                                rejected.resourceId().value(),
                                rejected.reason()
                                        .name()
                                        .toLowerCase(Locale.ROOT)
                                        .replace('_', '-'),
                                rejected.occurredAt(),
                                rejected.conflictingReservationId()
                                        .map(ReservationId::toString)
                                        .orElse(null)));
        };
    }

    /** The JSON data of the event, exactly as it goes into the record value. */
    public static byte[] data(ReservationEvent event) {
        return json(event, toWire(event));
    }

    private static byte[] json(ReservationEvent event, Wire wire) {
        try {
            return MAPPER.writeValueAsBytes(wire.data());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot write the data of event " + event.eventId(), impossible);
        }
    }

    /** The CloudEvent for a domain event. */
    public static CloudEvent toCloudEvent(URI source, ReservationEvent event) {
        Wire wire = toWire(event);
        return CloudEventBuilder.v1()
                .withId(event.eventId().toString())
                .withSource(source)
                .withType(wire.type())
                .withSubject(event.subject())
                .withTime(wire.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withDataSchema(dataSchema(wire.type()))
                .withData(json(event, wire))
                .build();
    }

    /** The {@code ce_dataschema} of a type: the {@code $id} of its shipped JSON Schema. */
    public static URI dataSchema(String type) {
        return URI.create(SCHEMA_BASE + type + ".json");
    }

    /** The Kafka record for a domain event: key resourceId, JSON value, CloudEvents binary-mode headers. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, URI source, ReservationEvent event) {
        return toRecord(topic, null, source, event);
    }

    /**
     * As {@link #toRecord(String, URI, ReservationEvent)}, to {@code partition} ({@link #partitionOf} of its key in
     * the partitions a writer follows), or to the producer's choice when null.
     */
    public static ProducerRecord<String, byte[]> toRecord(
            String topic, Integer partition, URI source, ReservationEvent event) {
        return KafkaMessageFactory.<String>createWriter(
                        topic, partition, event.resourceId().value())
                .writeBinary(toCloudEvent(source, event));
    }

    /**
     * The partition of a record keyed {@code key} in a topic of {@code partitions} partitions: Kafka's default
     * partitioner (murmur2 of the key's UTF-8 bytes), which every reader and writer of the topic shares.
     */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The CloudEvents type of a health probe: a reader knows it is no event and passes over it. */
    public static final String PROBE = "io.github.reservekit.health.probe.v1";

    /**
     * The key of every health probe: it has a space, so no resource ({@code [A-Za-z0-9._:-]}) ever has it, and the
     * probe can never be taken for a resource's event.
     */
    public static final String PROBE_KEY = "reservekit health probe";

    /**
     * A health probe record to {@code partition} (the producer's choice when null): a CloudEvent of type
     * {@link #PROBE} keyed {@link #PROBE_KEY}, with empty JSON data.
     */
    public static ProducerRecord<String, byte[]> probe(String topic, URI source, Integer partition) {
        var probe = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(source)
                .withType(PROBE)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData("{}".getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.<String>createWriter(topic, partition, PROBE_KEY)
                .writeBinary(probe);
    }

    /**
     * Reads a record written by {@link #toRecord} (or by any producer following CONTRACT.md).
     *
     * @throws WireFormatException if it is not a readable v1 reservation event; never another exception for
     *     bad input
     */
    public static ReservationEvent fromRecord(Headers headers, byte[] value) throws WireFormatException {
        return EventsFromWire.fromRecord(headers, value);
    }

    /**
     * Reads a CloudEvent of one of our types into its domain event.
     *
     * @throws WireFormatException if it is not a readable v1 reservation event
     */
    public static ReservationEvent fromCloudEvent(CloudEvent cloudEvent) throws WireFormatException {
        return EventsFromWire.fromCloudEvent(cloudEvent);
    }
}
