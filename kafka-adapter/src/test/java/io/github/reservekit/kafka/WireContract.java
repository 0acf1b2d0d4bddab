package io.github.reservekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.reservekit.reservation.domain.GuestName;
import io.github.reservekit.reservation.domain.IdempotencyKey;
import io.github.reservekit.reservation.domain.PartySize;
import io.github.reservekit.reservation.domain.ReservationDetails;
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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CONTRACT.md section 2 as test data: fixed events, the exact records they must become, and the schemas. */
final class WireContract {

    static final ResourceId RESOURCE = new ResourceId("table-7");
    static final ReservationId RESERVATION = new ReservationId(UUID.fromString("6f1c2a9e-3b7d-4c15-9a0e-2d8f4b6c1e3a"));

    static final ReservationPlaced PLACED = new ReservationPlaced(
            UUID.fromString("0b5e8f2a-1c3d-4e6f-8a9b-7c5d3e1f2a4b"),
            Instant.parse("2026-11-24T10:00:00Z"),
            RESERVATION,
            new ReservationDetails(
                    RESOURCE,
                    new GuestName("Ada Lovelace"),
                    new PartySize(4),
                    new TimeSlot(Instant.parse("2026-12-01T19:00:00Z"), Instant.parse("2026-12-01T21:00:00Z"))),
            Optional.of(new IdempotencyKey("order-42")),
            Optional.empty(),
            Optional.empty(),
            1,
            Optional.empty());

    static final String PLACED_JSON = "{\"reservationId\":\"6f1c2a9e-3b7d-4c15-9a0e-2d8f4b6c1e3a\","
            + "\"resourceId\":\"table-7\",\"guestName\":\"Ada Lovelace\",\"partySize\":4,"
            + "\"startsAt\":\"2026-12-01T19:00:00Z\",\"endsAt\":\"2026-12-01T21:00:00Z\","
            + "\"createdAt\":\"2026-11-24T10:00:00Z\",\"status\":\"CONFIRMED\",\"idempotencyKey\":\"order-42\"}";

    static final Map<String, String> PLACED_HEADERS = orderedMap(
            "ce_specversion", "1.0",
            "ce_id", "0b5e8f2a-1c3d-4e6f-8a9b-7c5d3e1f2a4b",
            "ce_source", "/reservekit",
            "ce_type", "io.github.reservekit.reservation.placed.v1",
            "ce_subject", "6f1c2a9e-3b7d-4c15-9a0e-2d8f4b6c1e3a",
            "ce_time", "2026-11-24T10:00:00Z",
            "ce_dataschema", "https://reservekit.github.io/schemas/io.github.reservekit.reservation.placed.v1.json",
            "content-type", "application/json");

    static final ReservationCancelled CANCELLED = new ReservationCancelled(
            UUID.fromString("9d4c6b8a-2e1f-4a3b-8c5d-6e7f8a9b0c1d"),
            Instant.parse("2026-11-25T08:30:15.250Z"),
            RESERVATION,
            RESOURCE,
            Optional.empty(),
            Optional.empty());

    static final String CANCELLED_JSON = "{\"reservationId\":\"6f1c2a9e-3b7d-4c15-9a0e-2d8f4b6c1e3a\","
            + "\"resourceId\":\"table-7\",\"cancelledAt\":\"2026-11-25T08:30:15.250Z\"}";

    static final Map<String, String> CANCELLED_HEADERS = orderedMap(
            "ce_specversion", "1.0",
            "ce_id", "9d4c6b8a-2e1f-4a3b-8c5d-6e7f8a9b0c1d",
            "ce_source", "/reservekit",
            "ce_type", "io.github.reservekit.reservation.cancelled.v1",
            "ce_subject", "6f1c2a9e-3b7d-4c15-9a0e-2d8f4b6c1e3a",
            "ce_time", "2026-11-25T08:30:15.25Z",
            "ce_dataschema", "https://reservekit.github.io/schemas/io.github.reservekit.reservation.cancelled.v1.json",
            "content-type", "application/json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireContract() {}

    /** Every header as UTF-8 text, in record order; fails on a repeated header. */
    static Map<String, String> headers(Headers headers) {
        var map = new LinkedHashMap<String, String>();
        for (Header header : headers) {
            String previous = map.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            assertThat(previous).as("header %s appears once", header.key()).isNull();
        }
        return map;
    }

    /** The JSON Schema shipped for the event's type. */
    static JsonSchema schemaOf(ReservationEvent event) {
        String type = switch (event) {
            case ReservationPlaced placed -> "io.github.reservekit.reservation.placed.v1";
            case ReservationCancelled cancelled -> "io.github.reservekit.reservation.cancelled.v1";
            case ReservationRejected rejected -> "io.github.reservekit.reservation.rejected.v1";
            case ReservationConfirmed confirmed -> "io.github.reservekit.reservation.confirmed.v1";
            case ReservationRescheduled rescheduled -> "io.github.reservekit.reservation.rescheduled.v1";
            case ResourceDefined defined -> "io.github.reservekit.resource.defined.v1";
        };
        return schema(type);
    }

    static JsonSchema schema(String type) {
        var config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = WireContract.class.getResourceAsStream("/schemas/" + type + ".json")) {
            assertThat(in).as("schema of %s is shipped", type).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The schema's findings on the record value; empty when valid. */
    static Set<ValidationMessage> validate(ReservationEvent event, byte[] value) {
        try {
            JsonNode data = JSON.readTree(value);
            return schemaOf(event).validate(data);
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
