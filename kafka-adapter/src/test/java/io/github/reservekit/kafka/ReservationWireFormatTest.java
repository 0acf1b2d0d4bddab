package io.github.reservekit.kafka;

import static io.github.reservekit.kafka.WireContract.CANCELLED;
import static io.github.reservekit.kafka.WireContract.CANCELLED_HEADERS;
import static io.github.reservekit.kafka.WireContract.CANCELLED_JSON;
import static io.github.reservekit.kafka.WireContract.PLACED;
import static io.github.reservekit.kafka.WireContract.PLACED_HEADERS;
import static io.github.reservekit.kafka.WireContract.PLACED_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reservekit.kafka.read.Decoded;
import io.github.reservekit.kafka.read.ReservationRecordDecoder;
import io.github.reservekit.kafka.write.KafkaReservationPublisher;
import io.github.reservekit.reservation.domain.PrincipalName;
import io.github.reservekit.reservation.domain.Reservation;
import io.github.reservekit.reservation.domain.TimeSlot;
import io.github.reservekit.reservation.domain.event.ReservationCancelled;
import io.github.reservekit.reservation.domain.event.ReservationEvent;
import io.github.reservekit.reservation.domain.event.ReservationPlaced;
import io.github.reservekit.reservation.domain.event.ReservationRejected;
import io.github.reservekit.reservation.domain.event.ResourceDefined;
import io.github.reservekit.reservation.testing.ReservationFixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The records the publisher writes are CONTRACT.md section 2 to the byte, and the reader reads them back. */
class ReservationWireFormatTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final KafkaReservationPublisher publisher = KafkaReservationPublisher.using(
            producer, AdapterSettings.of("unused:9092").producerSettings());
    private final ReservationRecordDecoder decoder = new ReservationRecordDecoder();

    private ProducerRecord<String, byte[]> published(ReservationEvent event) {
        publisher.publish(event);
        return producer.history().getLast();
    }

    /** Asserts {@code event} is published keyed by its resource, with exactly this JSON and these headers. */
    private void assertPublishedAsExactly(ReservationEvent event, String json, Map<String, String> headers) {
        var record = published(event);

        assertThat(record.key()).isEqualTo("table-7");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(WireContract.headers(record.headers())).containsExactlyInAnyOrderEntriesOf(headers);
    }

    @Test
    void a_placed_event_is_the_exact_record_of_the_contract() {
        assertPublishedAsExactly(PLACED, PLACED_JSON, PLACED_HEADERS);
    }

    @Test
    void a_cancelled_event_is_the_exact_record_of_the_contract() {
        assertPublishedAsExactly(CANCELLED, CANCELLED_JSON, CANCELLED_HEADERS);
    }

    @Test
    void the_data_schema_header_names_the_shipped_schema_of_the_type_by_its_id() throws Exception {
        for (var event : List.of(PLACED, CANCELLED)) {
            var headers = WireContract.headers(published(event).headers());
            try (var in = getClass().getResourceAsStream("/schemas/" + headers.get("ce_type") + ".json")) {
                var schema = new ObjectMapper().readTree(in);

                assertThat(headers.get("ce_dataschema"))
                        .isEqualTo(schema.path("$id").asText());
                assertThat(URI.create(headers.get("ce_dataschema")).getPath())
                        .as("the path each shell serves the schema at")
                        .isEqualTo("/schemas/" + headers.get("ce_type") + ".json");
            }
        }
    }

    @Test
    void without_an_idempotency_key_the_field_is_left_out() {
        var placed = new ReservationPlaced(
                PLACED.eventId(),
                PLACED.occurredAt(),
                PLACED.reservationId(),
                PLACED.details(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                1,
                Optional.empty());

        var json = new String(published(placed).value(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("idempotencyKey").contains("\"status\":\"CONFIRMED\"");
    }

    @Test
    void the_source_is_configurable() {
        var custom = KafkaReservationPublisher.using(
                producer,
                AdapterSettings.builder()
                        .bootstrapServers("unused:9092")
                        .source(java.net.URI.create("urn:reservekit:spring-app"))
                        .build()
                        .producerSettings());

        custom.publish(PLACED);

        assertThat(WireContract.headers(producer.history().getLast().headers()))
                .containsEntry("ce_source", "urn:reservekit:spring-app");
    }

    @Test
    void every_event_matches_the_json_schema_of_its_type() {
        var events = new java.util.ArrayList<ReservationEvent>(ReservationFixtures.mixedEvents(6));
        events.add(PLACED);
        events.add(CANCELLED);

        for (var event : events) {
            assertThat(WireContract.validate(event, published(event).value()))
                    .as("schema findings for %s", event)
                    .isEmpty();
        }
    }

    @Test
    void the_schemas_reject_what_the_contract_forbids() {
        var numericInstant = PLACED_JSON.replace("\"2026-12-01T19:00:00Z\"", "1796151600");
        var missingGuest = PLACED_JSON.replace("\"guestName\":\"Ada Lovelace\",", "");

        assertThat(WireContract.validate(PLACED, numericInstant.getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
        assertThat(WireContract.validate(PLACED, missingGuest.getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    @Test
    void a_record_whose_key_is_not_its_resource_is_no_event_of_that_resource() {
        var record = published(PLACED);
        var rekeyed =
                new ConsumerRecord<>("reserve", 0, 0L, "other-1".getBytes(StandardCharsets.UTF_8), record.value());
        record.headers().forEach(header -> rekeyed.headers().add(header));
        var wellKeyed = new ConsumerRecord<>(
                "reserve", 0, 1L, PLACED.resourceId().value().getBytes(StandardCharsets.UTF_8), record.value());
        record.headers().forEach(header -> wellKeyed.headers().add(header));

        assertThat(decoder.decode(rekeyed))
                .isInstanceOfSatisfying(
                        Decoded.Malformed.class,
                        malformed -> assertThat(malformed.reason())
                                .isEqualTo("its key 'other-1' is not its resourceId '" + PLACED.resourceId() + "'"));
        assertThat(decoder.decode(wellKeyed)).isEqualTo(new Decoded.Event(PLACED));
    }

    /**
     * The reservation of {@link WireContract#PLACED} placed anew as version 3 writes it, waited for 5 s: a hold for
     * {@code holdFor} (empty: CONFIRMED at once) of {@code units}.
     */
    private static ReservationPlaced placedInVersion3(Optional<Duration> holdFor, int units) {
        return new ReservationPlaced(
                java.util.UUID.randomUUID(),
                PLACED.occurredAt(),
                PLACED.reservationId(),
                PLACED.details(),
                Optional.empty(),
                Optional.of(PLACED.occurredAt().plusSeconds(5)),
                holdFor,
                units,
                Optional.empty());
    }

    /** A clock standing {@code seconds} after {@link WireContract#PLACED} occurred. */
    private static Clock secondsLater(int seconds) {
        return Clock.fixed(PLACED.occurredAt().plusSeconds(seconds), ZoneOffset.UTC);
    }

    /** Each event, published, reads back as itself and matches its type's JSON schema. */
    private void assertEachReadsBackAndMatchesItsSchema(ReservationEvent... events) {
        for (var event : events) {
            var record = published(event);
            assertThat(decoder.decode(record.headers(), record.value())).isEqualTo(new Decoded.Event(event));
            assertThat(WireContract.validate(event, record.value())).isEmpty();
        }
    }

    @Test
    void version_3_holds_confirmations_and_if_version_read_back_and_match_their_schemas() {
        var hold = placedInVersion3(Optional.of(Duration.ofMinutes(10)), 1);
        // What the domain decides for the hold later on, each event waited for 5 s and conditional on a version.
        var held = Reservation.placed(hold);
        var wait = Optional.of(Duration.ofSeconds(5));
        var confirmed = held.confirm(secondsLater(60), wait, Optional.of(1L));
        var conditional = held.cancel(secondsLater(90), wait, Optional.of(2L));
        var moved = held.reschedule(
                secondsLater(120),
                wait,
                new TimeSlot(
                        PLACED.slot().startsAt().plusSeconds(3600),
                        PLACED.slot().endsAt().plusSeconds(3600)),
                1,
                Optional.of(3L));

        assertEachReadsBackAndMatchesItsSchema(hold, confirmed, conditional, moved);
        assertThat(new String(published(hold).value(), StandardCharsets.UTF_8))
                .contains("\"holdFor\":\"PT10M\"", "\"status\":\"HELD\"");
    }

    @Test
    void version_3_resource_definitions_and_units_read_back_and_match_their_schemas() {
        var defined = new ResourceDefined(
                java.util.UUID.randomUUID(),
                PLACED.occurredAt(),
                PLACED.resourceId(),
                12,
                Optional.of("The long table"),
                Optional.of(PLACED.occurredAt().plusSeconds(5)),
                Optional.of(0L));
        var fourSeats = placedInVersion3(Optional.empty(), 4);

        assertEachReadsBackAndMatchesItsSchema(defined, fourSeats);
        var definition = published(defined);
        assertThat(definition.key()).isEqualTo("table-7");
        assertThat(WireContract.headers(definition.headers()))
                .containsEntry("ce_type", "io.github.reservekit.resource.defined.v1")
                .containsEntry("ce_subject", "table-7");
        assertThat(new String(published(fourSeats).value(), StandardCharsets.UTF_8))
                .contains("\"units\":4");
        assertThat(new String(published(PLACED).value(), StandardCharsets.UTF_8))
                .as("one unit is left out, so version 2 readers see the records they know")
                .doesNotContain("units");
    }

    @Test
    void the_principal_who_placed_it_is_placed_by_in_the_data_reads_back_and_matches_the_schema() {
        var placedByAda = PLACED.withPlacedBy(Optional.of(new PrincipalName("ada")));

        var record = published(placedByAda);

        assertThat(new String(record.value(), StandardCharsets.UTF_8)).endsWith(",\"placedBy\":\"ada\"}");
        assertThat(decoder.decode(record.headers(), record.value())).isEqualTo(new Decoded.Event(placedByAda));
        assertThat(WireContract.validate(placedByAda, record.value())).isEmpty();
        assertThat(new String(published(PLACED).value(), StandardCharsets.UTF_8))
                .as("no principal, no field")
                .doesNotContain("placedBy");
        var controlCharacter = new String(record.value(), StandardCharsets.UTF_8).replace("ada", "a\\u0007da");
        assertThat(WireContract.validate(placedByAda, controlCharacter.getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    @Test
    void what_was_published_reads_back_as_the_same_events() {
        for (var event : java.util.List.<ReservationEvent>of(PLACED, CANCELLED)) {
            var record = published(event);

            assertThat(decoder.decode(record.headers(), record.value())).isEqualTo(new Decoded.Event(event));
        }
    }

    @Test
    void version_2_events_carry_confirm_by_and_the_rejected_type_reads_back_and_matches_its_schema() {
        var confirmBy = PLACED.occurredAt().plusSeconds(5);
        var placed = new ReservationPlaced(
                PLACED.eventId(),
                PLACED.occurredAt(),
                PLACED.reservationId(),
                PLACED.details(),
                PLACED.idempotencyKey(),
                Optional.of(confirmBy),
                Optional.empty(),
                1,
                Optional.empty());
        var cancelled = new ReservationCancelled(
                CANCELLED.eventId(),
                CANCELLED.occurredAt(),
                CANCELLED.reservationId(),
                CANCELLED.resourceId(),
                Optional.of(confirmBy),
                Optional.empty());
        var rejected = new ReservationRejected(
                java.util.UUID.randomUUID(),
                PLACED.occurredAt(),
                PLACED.reservationId(),
                PLACED.resourceId(),
                ReservationRejected.Reason.OVERLAP,
                Optional.of(CANCELLED.reservationId()));

        assertEachReadsBackAndMatchesItsSchema(placed, cancelled, rejected);
        assertThat(new String(published(placed).value(), StandardCharsets.UTF_8))
                .endsWith(",\"confirmBy\":\"" + confirmBy + "\"}");
        var rejectedRecord = published(rejected);
        assertThat(WireContract.headers(rejectedRecord.headers()))
                .containsEntry("ce_type", "io.github.reservekit.reservation.rejected.v1")
                .containsEntry("ce_subject", PLACED.reservationId().toString());
        assertThat(new String(rejectedRecord.value(), StandardCharsets.UTF_8))
                .contains("\"reason\":\"overlap\"")
                .contains("\"conflictingReservationId\":\"" + CANCELLED.reservationId() + "\"");
    }

    @Test
    void unknown_fields_are_ignored() {
        var record = published(PLACED);
        var withExtra = PLACED_JSON.replace("{", "{\"tableColour\":\"blue\",\"nested\":{\"a\":[1,2]},");

        assertThat(decoder.decode(record.headers(), withExtra.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Decoded.Event(PLACED));
    }

    @Test
    void a_record_that_is_not_a_cloud_event_is_malformed() {
        var decoded = decoder.decode(new RecordHeaders(), "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(decoded).isInstanceOf(Decoded.Malformed.class);
        assertThat(((Decoded.Malformed) decoded).reason()).contains("ce_specversion");
    }

    @Test
    void broken_json_is_malformed() {
        var record = published(PLACED);

        assertThat(decoder.decode(record.headers(), "{\"reservationId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Decoded.Malformed.class);
        assertThat(decoder.decode(record.headers(), null)).isInstanceOf(Decoded.Malformed.class);
    }

    @Test
    void data_that_breaks_a_domain_rule_is_malformed() {
        var record = published(PLACED);
        var tooMany = PLACED_JSON.replace("\"partySize\":4", "\"partySize\":0");
        var missing = PLACED_JSON.replace("\"createdAt\":\"2026-11-24T10:00:00Z\",", "");

        assertThat(decoder.decode(record.headers(), tooMany.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Decoded.Malformed.class);
        assertThat(decoder.decode(record.headers(), missing.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Decoded.Malformed.class);
    }

    @Test
    void another_type_is_unknown_and_another_version_is_unsupported() {
        var record = published(PLACED);
        var unknown = retyped(record, "com.example.table.cleaned.v1");
        var newer = retyped(record, "io.github.reservekit.reservation.placed.v2");

        assertThat(decoder.decode(unknown, record.value()))
                .isEqualTo(new Decoded.UnknownType("com.example.table.cleaned.v1"));
        assertThat(decoder.decode(newer, record.value())).isInstanceOf(Decoded.UnsupportedVersion.class);
    }

    @Test
    void another_cloud_events_spec_version_is_unsupported() {
        var record = published(PLACED);
        var headers = new RecordHeaders(record.headers().toArray());
        headers.remove("ce_specversion");
        headers.add("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));

        assertThat(decoder.decode(headers, record.value())).isInstanceOf(Decoded.UnsupportedVersion.class);
    }

    private static RecordHeaders retyped(ProducerRecord<String, byte[]> record, String type) {
        var headers = new RecordHeaders(record.headers().toArray());
        headers.remove("ce_type");
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
