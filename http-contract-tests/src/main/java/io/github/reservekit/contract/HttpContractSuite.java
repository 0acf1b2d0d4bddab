package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.reservekit.contract.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP contract of CONTRACT.md section 3, with the events of section 2 each request must (or must not)
 * cause, as black-box tests: they speak only HTTP to a running shell and read the topic with a plain consumer.
 * A shell's test extends this class and provides the {@link ContractTarget}; the suite is the same for all.
 *
 * <p>Each test uses its own resource ids, so tests are independent of each other and of what else is on the
 * topic, and the shell may be started once for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpContractSuite
        implements ReadsContract, VersionsContract, HoldsContract, MovesContract, ResourcesContract {

    static final String PLACED = "io.github.reservekit.reservation.placed.v1";
    static final String CANCELLED = "io.github.reservekit.reservation.cancelled.v1";
    static final String SCHEMAS = "https://reservekit.github.io/schemas/";
    /** Where every shell serves the documents and the page by default: never the application's own root. */
    static final String PREFIX = "/reservekit";

    private ApiClient api;
    private TopicProbe topic;

    /** The shell under test; called after the subclass's own {@code @BeforeAll}. */
    protected abstract ContractTarget target();

    /** A client whose every response is checked against the OpenAPI document, so the two cannot drift apart. */
    protected final ApiClient api() {
        if (api == null) {
            var openApi = new OpenApiContract(List.of(target().healthPath(), target().metricsPath()));
            api = new ApiClient(target().baseUri(), openApi::check);
        }
        return api;
    }

    @Override
    public final ApiClient readsApi() {
        return api();
    }

    @Override
    public final ApiClient versionsApi() {
        return api();
    }

    @Override
    public final ApiClient holdsApi() {
        return api();
    }

    @Override
    public final ApiClient movesApi() {
        return api();
    }

    @Override
    public final ApiClient resourcesApi() {
        return api();
    }

    protected final TopicProbe topic() {
        if (topic == null) {
            topic = new TopicProbe(target().bootstrapServers(), target().topic());
        }
        return topic;
    }

    @AfterAll
    void closeTopicProbe() {
        if (topic != null) {
            topic.close();
        }
    }

    // ---- fixtures -----------------------------------------------------------------------------------------

    private static final Instant TOMORROW =
            Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));

    protected static String newResource() {
        return "contract-" + UUID.randomUUID();
    }

    protected static String at(int hour) {
        return TOMORROW.plus(Duration.ofHours(hour)).toString();
    }

    protected static String body(String resourceId, int fromHour, int toHour) {
        return """
                {"resourceId":"%s","guestName":"Ada Lovelace","partySize":4,"startsAt":"%s","endsAt":"%s"}""".formatted(resourceId, at(fromHour), at(toHour));
    }

    private Response place(String resourceId, int fromHour, int toHour) {
        var response = api().postJson("/reservations", body(resourceId, fromHour, toHour));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        var problem = response.json();
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body())
                .as("no stack trace, class name or internal message reaches the client")
                .doesNotContain("Exception", "\tat ", "java.", "io.github.reservekit.", "org.apache.kafka");
    }

    private static void assertInvalid(Response response, String... fields) {
        assertProblem(response, 400);
        var named = Stream.of(response.json().path("errors").spliterator())
                .flatMap(s -> java.util.stream.StreamSupport.stream(s, false))
                .map(error -> {
                    assertThat(error.path("message").asText()).isNotBlank();
                    return error.path("field").asText();
                })
                .toList();
        assertThat(named).as(response.body()).containsExactlyInAnyOrder(fields);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return text(header.value());
    }

    private static JsonNode data(ConsumerRecord<byte[], byte[]> record) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError("the record value is not JSON: " + text(record.value()), e);
        }
    }

    /** Every CONTRACT.md section 2 rule common to both event types. */
    private static void assertCloudEvent(ConsumerRecord<byte[], byte[]> record, String type, JsonNode reservation) {
        assertThat(text(record.key())).isEqualTo(reservation.path("resourceId").asText());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_source")).isNotBlank();
        assertThat(java.net.URI.create(header(record, "ce_source"))).isNotNull();
        assertThat(header(record, "ce_type")).isEqualTo(type);
        assertThat(header(record, "ce_subject"))
                .isEqualTo(reservation.path("id").asText());
        assertThat(java.time.OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
        assertThat(header(record, "content-type")).startsWith("application/json");
        assertThat(header(record, "ce_dataschema")).isEqualTo(SCHEMAS + type + ".json");
    }

    // ---- POST /reservations --------------------------------------------------------------------------------

    @Test
    void placing_a_reservation_answers_201_with_its_location_and_publishes_one_placed_event() {
        var resource = newResource();
        var mark = topic().mark();

        var response = place(resource, 19, 21);

        assertThat(response.mediaType()).isEqualTo("application/json");
        var reservation = response.json();
        var id = reservation.path("id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(response.header("Location")).contains("/reservations/" + id);
        assertThat(reservation.path("resourceId").asText()).isEqualTo(resource);
        assertThat(reservation.path("guestName").asText()).isEqualTo("Ada Lovelace");
        assertThat(reservation.path("partySize").asInt()).isEqualTo(4);
        assertThat(Instant.parse(reservation.path("startsAt").asText())).isEqualTo(Instant.parse(at(19)));
        assertThat(Instant.parse(reservation.path("endsAt").asText())).isEqualTo(Instant.parse(at(21)));
        assertThat(reservation.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(Instant.parse(reservation.path("createdAt").asText())).isBeforeOrEqualTo(Instant.now());

        var records = topic().recordsSince(mark, resource);
        assertThat(records).hasSize(1);
        var record = records.getFirst();
        assertCloudEvent(record, PLACED, reservation);
        var data = data(record);
        assertThat(data.path("reservationId").asText()).isEqualTo(id);
        assertThat(data.path("resourceId").asText()).isEqualTo(resource);
        assertThat(data.path("guestName").asText()).isEqualTo("Ada Lovelace");
        assertThat(data.path("partySize").asInt()).isEqualTo(4);
        assertThat(Instant.parse(data.path("startsAt").asText())).isEqualTo(Instant.parse(at(19)));
        assertThat(Instant.parse(data.path("endsAt").asText())).isEqualTo(Instant.parse(at(21)));
        assertThat(Instant.parse(data.path("createdAt").asText()))
                .isEqualTo(Instant.parse(reservation.path("createdAt").asText()));
    }

    @Test
    void a_placed_reservation_can_be_read_back() {
        var created = place(newResource(), 19, 21).json();

        var read = api().get("/reservations/" + created.path("id").asText());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
    }

    static Stream<Arguments> invalidBodies() {
        var ok = "\"resourceId\":\"R\",\"guestName\":\"Ada\",\"partySize\":2,\"startsAt\":\"S\",\"endsAt\":\"E\"";
        return Stream.of(
                Arguments.of("resourceId missing", ok.replace("\"resourceId\":\"R\",", ""), List.of("resourceId")),
                Arguments.of("resourceId with a space", ok.replace("\"R\"", "\"table 1\""), List.of("resourceId")),
                Arguments.of(
                        "resourceId too long",
                        ok.replace("\"R\"", "\"" + "r".repeat(101) + "\""),
                        List.of("resourceId")),
                Arguments.of("guestName blank", ok.replace("\"Ada\"", "\"   \""), List.of("guestName")),
                Arguments.of(
                        "guestName too long",
                        ok.replace("\"Ada\"", "\"" + "a".repeat(201) + "\""),
                        List.of("guestName")),
                Arguments.of(
                        "guestName with a control character",
                        ok.replace("\"Ada\"", "\"Ada\\u0007\""),
                        List.of("guestName")),
                Arguments.of("partySize 0", ok.replace(":2,", ":0,"), List.of("partySize")),
                Arguments.of("partySize 101", ok.replace(":2,", ":101,"), List.of("partySize")),
                Arguments.of("partySize missing", ok.replace("\"partySize\":2,", ""), List.of("partySize")),
                Arguments.of("partySize a fraction", ok.replace(":2,", ":2.5,"), List.of("partySize")),
                Arguments.of("partySize text", ok.replace(":2,", ":\"two\","), List.of("partySize")),
                Arguments.of("partySize as a numeric string", ok.replace(":2,", ":\"2\","), List.of("partySize")),
                Arguments.of("partySize beyond any integer", ok.replace(":2,", ":99999999999,"), List.of("partySize")),
                Arguments.of("resourceId a number", ok.replace("\"R\"", "5"), List.of("resourceId")),
                Arguments.of("guestName a boolean", ok.replace("\"Ada\"", "true"), List.of("guestName")),
                Arguments.of("startsAt malformed", ok.replace("\"S\"", "\"tomorrow at 7\""), List.of("startsAt")),
                Arguments.of(
                        "startsAt without a zone", ok.replace("\"S\"", "\"2030-01-01T19:00:00\""), List.of("startsAt")),
                Arguments.of(
                        "startsAt in the past",
                        ok.replace("\"S\"", "\"2020-01-01T19:00:00Z\"").replace("\"E\"", "\"2020-01-01T21:00:00Z\""),
                        List.of("startsAt")),
                Arguments.of("endsAt before startsAt", ok.replace("\"E\"", "\"" + at(18) + "\""), List.of("endsAt")),
                Arguments.of("endsAt equal to startsAt", ok.replace("\"E\"", "\"S\""), List.of("endsAt")),
                Arguments.of(
                        "slot longer than 7 days",
                        ok.replace("\"E\"", "\"" + at(19 + 7 * 24 + 1) + "\""),
                        List.of("endsAt")),
                Arguments.of(
                        "everything wrong at once",
                        "\"resourceId\":\"a b\",\"guestName\":\"\",\"partySize\":0,\"startsAt\":\"x\",\"endsAt\":\"y\"",
                        List.of("resourceId", "guestName", "partySize", "startsAt", "endsAt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void an_invalid_field_answers_400_naming_it_and_publishes_nothing(String why, String fields, List<String> bad) {
        var resource = newResource();
        var body = "{"
                + fields.replace("\"R\"", "\"" + resource + "\"")
                        .replace("\"S\"", "\"" + at(19) + "\"")
                        .replace("\"E\"", "\"" + at(21) + "\"")
                + "}";
        var mark = topic().mark();

        var response = api().postJson("/reservations", body);

        assertInvalid(response, bad.toArray(String[]::new));
        assertThat(topic().recordsSince(mark))
                .as("no event for a rejected request")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"resourceId\": ", "not json at all", "[1, 2, 3]", "\"a string\"", ""})
    void a_body_that_is_not_a_json_object_answers_400(String body) {
        var mark = topic().mark();

        assertProblem(api().postJson("/reservations", body), 400);
        assertThat(topic().recordsSince(mark)).isEmpty();
    }

    @Test
    void an_unknown_field_answers_400_naming_it_so_a_typo_is_never_dropped() {
        var body = body(newResource(), 19, 21).replace("\"partySize\"", "\"partysize\"");

        assertInvalid(api().postJson("/reservations", body), "partysize");
    }

    @Test
    void a_body_that_is_not_json_answers_415() {
        var mark = topic().mark();

        assertProblem(api().post("/reservations", "text/plain", body(newResource(), 19, 21)), 415);
        assertThat(topic().recordsSince(mark)).isEmpty();
    }

    @Test
    void a_body_over_16_kib_answers_413() {
        var resource = newResource();
        var padded = body(resource, 19, 21).replace("\"Ada Lovelace\"", "\"" + "A".repeat(17 * 1024) + "\"");
        var mark = topic().mark();

        assertProblem(api().postJson("/reservations", padded), 413);
        assertThat(topic().recordsSince(mark, resource)).isEmpty();
    }

    @Test
    void an_overlapping_slot_answers_409_naming_the_conflicting_reservation_and_publishes_nothing() {
        var resource = newResource();
        var holder = place(resource, 19, 21).json().path("id").asText();
        var mark = topic().mark();

        var response = api().postJson("/reservations", body(resource, 20, 22));

        assertProblem(response, 409);
        assertThat(response.body()).contains(holder);
        assertThat(topic().recordsSince(mark, resource)).isEmpty();
    }

    @Test
    void back_to_back_slots_are_both_placed() {
        var resource = newResource();
        place(resource, 19, 21);

        place(resource, 21, 23);
        place(resource, 17, 19);
    }

    @Test
    void the_same_slot_of_another_resource_is_free() {
        place(newResource(), 19, 21);
        place(newResource(), 19, 21);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_and_body_returns_the_same_reservation_and_publishes_once() {
        var resource = newResource();
        var key = "order-" + UUID.randomUUID();
        var mark = topic().mark();

        var first = api().postJson("/reservations", body(resource, 19, 21), "Idempotency-Key", key);
        var retry = api().postJson("/reservations", body(resource, 19, 21), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isIn(200, 201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(topic().recordsSince(mark, resource)).hasSize(1);
    }

    @Test
    void the_same_idempotency_key_with_another_body_answers_422_and_publishes_nothing_more() {
        var resource = newResource();
        var key = "order-" + UUID.randomUUID();
        var first = api().postJson("/reservations", body(resource, 19, 21), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        var mark = topic().mark();

        var reused = api().postJson("/reservations", body(resource, 22, 23), "Idempotency-Key", key);

        assertProblem(reused, 422);
        assertThat(topic().recordsSince(mark, resource)).isEmpty();
    }

    @Test
    void an_idempotency_key_over_100_characters_answers_400() {
        var response = api().postJson("/reservations", body(newResource(), 19, 21), "Idempotency-Key", "k".repeat(101));

        assertInvalid(response, "Idempotency-Key");
    }

    // ---- GET ----------------------------------------------------------------------------------------------

    @Test
    void an_unknown_id_answers_404() {
        assertProblem(api().get("/reservations/" + UUID.randomUUID()), 404);
    }

    @Test
    void an_id_that_is_not_a_uuid_answers_400() {
        assertInvalid(api().get("/reservations/not-a-uuid"), "id");
    }

    @Test
    void a_resource_lists_its_reservations_ordered_by_start() {
        var resource = newResource();
        var late = place(resource, 22, 23).json();
        var early = place(resource, 8, 9).json();
        var middle = place(resource, 12, 13).json();
        place(newResource(), 12, 13);

        var list = api().get("/reservations?resourceId=" + resource);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.mediaType()).isEqualTo("application/json");
        assertThat(list.json()).containsExactly(early, middle, late);
    }

    @Test
    void a_resource_without_reservations_lists_an_empty_array() {
        var list = api().get("/reservations?resourceId=" + newResource());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.json()).isEmpty();
    }

    @Test
    void listing_without_a_valid_resource_id_answers_400() {
        assertInvalid(api().get("/reservations"), "resourceId");
        assertInvalid(api().get("/reservations?resourceId=not%20valid"), "resourceId");
    }

    // ---- DELETE -------------------------------------------------------------------------------------------

    @Test
    void cancelling_answers_200_with_the_cancelled_reservation_and_publishes_one_cancelled_event() {
        var resource = newResource();
        var placed = place(resource, 19, 21).json();
        var id = placed.path("id").asText();
        var mark = topic().mark();

        var cancelled = api().delete("/reservations/" + id);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("id").asText()).isEqualTo(id);
        assertThat(api().get("/reservations/" + id).json()).isEqualTo(cancelled.json());
        var records = topic().recordsSince(mark, resource);
        assertThat(records).hasSize(1);
        assertCloudEvent(records.getFirst(), CANCELLED, placed);
        var data = data(records.getFirst());
        assertThat(data.path("reservationId").asText()).isEqualTo(id);
        assertThat(data.path("resourceId").asText()).isEqualTo(resource);
        assertThat(Instant.parse(data.path("cancelledAt").asText())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void cancelling_twice_returns_the_same_and_publishes_no_second_event() {
        var resource = newResource();
        var id = place(resource, 19, 21).json().path("id").asText();
        var first = api().delete("/reservations/" + id);
        var mark = topic().mark();

        var second = api().delete("/reservations/" + id);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(topic().recordsSince(mark, resource)).isEmpty();
    }

    @Test
    void a_cancelled_slot_can_be_placed_again() {
        var resource = newResource();
        var id = place(resource, 19, 21).json().path("id").asText();
        api().delete("/reservations/" + id);

        place(resource, 19, 21);
    }

    @Test
    void cancelling_an_unknown_id_answers_404_and_a_malformed_id_400() {
        assertProblem(api().delete("/reservations/" + UUID.randomUUID()), 404);
        assertInvalid(api().delete("/reservations/not-a-uuid"), "id");
    }

    // ---- the contracts as files ---------------------------------------------------------------------------

    @Test
    void the_openapi_and_asyncapi_documents_are_served_as_shipped() throws Exception {
        for (var document : List.of("openapi.yaml", "asyncapi.yaml")) {
            var served = api().get(PREFIX + "/" + document, "Accept", "*/*");

            assertThat(served.status()).as(document).isEqualTo(200);
            assertThat(served.mediaType()).isEqualTo("application/yaml");
            // Served under the prefix, the AsyncAPI document's references to the schemas beside it are rewritten
            // from the class path's layout (../schemas/) to the served one (schemas/).
            assertThat(served.body())
                    .isEqualTo(classpath("reservekit/" + document).replace("\"../schemas/", "\"schemas/"));
        }
    }

    @Test
    void each_events_data_schema_is_served_at_the_path_of_its_ce_dataschema_under_the_prefix() throws Exception {
        for (var type : List.of(PLACED, CANCELLED, "io.github.reservekit.reservation.rejected.v1")) {
            var path = PREFIX + java.net.URI.create(SCHEMAS + type + ".json").getPath();

            var served = api().get(path, "Accept", "*/*");

            assertThat(served.status()).as(path).isEqualTo(200);
            assertThat(served.mediaType()).isEqualTo("application/schema+json");
            assertThat(served.json().path("$id").asText()).isEqualTo(SCHEMAS + type + ".json");
        }
        assertProblem(api().get(PREFIX + "/schemas/unknown.json", "Accept", "*/*"), 404);
    }

    private static String classpath(String resource) throws java.io.IOException {
        try (var in = HttpContractSuite.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- every error is a problem ------------------------------------------------------------------------

    @Test
    void an_unknown_path_answers_a_404_problem() {
        assertProblem(api().get("/no-such-thing"), 404);
    }

    @Test
    void an_unsupported_method_answers_a_405_problem() {
        assertProblem(api().send("PATCH", "/reservations"), 405);
    }

    // ---- what both shells do beyond the HTTP contract: bad records, the live view, metrics -------------------

    @Test
    void a_poison_pill_on_the_topic_is_counted_and_reported_where_it_sits_and_the_instance_stays_ready()
            throws Exception {
        var key = bytes("poison-" + UUID.randomUUID());
        var poison = bytes("not a reservation event");
        var producerConfig =
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target().bootstrapServers());
        RecordMetadata written;
        try (var producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            written = producer.send(new ProducerRecord<>(target().topic(), key, poison))
                    .get();
        }
        String position = target().topic() + "-" + written.partition() + "@" + written.offset();

        await("the health details name the skipped record's position")
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api().get(target().healthPath()).body())
                        .contains(position)
                        .contains("malformed"));
        var health = api().get(target().healthPath());
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(api().get(target().metricsPath(), "Accept", "text/plain").body())
                .containsPattern("reservekit_follower_records_total\\{[^}]*outcome=\"malformed\"[^}]*} [1-9]")
                .containsPattern("reservekit_follower_last_skipped_offset\\{[^}]*partition=\"" + written.partition()
                        + "\"[^}]*} " + written.offset());

        var id = place(newResource(), 19, 21).json().path("id").asText();
        await("the event view shows the reservation placed after the poison pill")
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                api().get("/reservations/events?after=0").json())
                        .anySatisfy(event -> {
                            assertThat(event.path("reservationId").asText()).isEqualTo(id);
                            assertThat(event.path("type").asText()).isEqualTo("placed");
                        }));
    }

    @Test
    void publish_latency_and_kafka_client_metrics_are_exposed_for_prometheus() {
        place(newResource(), 19, 21);

        var scrape = api().get(target().metricsPath(), "Accept", "text/plain");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("reservekit_publish_seconds_count{outcome=\"success\",type=\"placed\"")
                .contains("kafka_producer_");
    }

    // ---- health and Kafka outages -------------------------------------------------------------------------

    @Test
    void health_is_up_while_kafka_can_take_events() {
        var health = api().get(target().healthPath());

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void while_kafka_is_unreachable_writes_answer_503_with_retry_after_and_keep_nothing() {
        assumeTrue(target().canStopKafka(), "this target cannot stop its Kafka brokers, so no outage is tested");
        var resource = newResource();
        var confirmed = place(resource, 8, 9).json();
        var id = confirmed.path("id").asText();

        target().stopKafka();
        Response place;
        Response cancel;
        try {
            place = api().postJson("/reservations", body(resource, 19, 21));
            cancel = api().delete("/reservations/" + id);
        } finally {
            target().startKafka();
        }

        assertProblem(place, 503);
        assertThat(place.header("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        // CONTRACT.md v2: the problem names the reservation the request would have made and what is known of it.
        var notConfirmed = place.json();
        assertThat(notConfirmed.path("outcome").asText()).isIn("not-kept", "unknown");
        var wouldHaveBeen = notConfirmed.path("reservationId").asText();
        assertThat(wouldHaveBeen).isNotBlank().isNotEqualTo(id);
        assertProblem(cancel, 503);
        assertThat(cancel.header("Retry-After")).isPresent();
        assertThat(api().get("/reservations?resourceId=" + resource).json())
                .as("the failed placement kept nothing and the failed cancel changed nothing")
                .containsExactly(confirmed);
        assertThat(api().get("/reservations/" + wouldHaveBeen).status())
                .as("once Kafka is back, GET tells the outcome: the placement was not kept")
                .isEqualTo(404);
        var mark = topic().mark();
        place(resource, 19, 21);
        assertThat(topic().recordsSince(mark, resource))
                .as("the same request succeeds once Kafka is back")
                .hasSize(1);
    }
}
