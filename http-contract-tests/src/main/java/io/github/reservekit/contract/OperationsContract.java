package io.github.reservekit.contract;

import static io.github.reservekit.contract.ContractAssertions.assertProblem;
import static io.github.reservekit.contract.ContractAssertions.bytes;
import static io.github.reservekit.contract.ContractFixtures.body;
import static io.github.reservekit.contract.ContractFixtures.newResource;
import static io.github.reservekit.contract.ContractFixtures.placement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.reservekit.contract.ApiClient.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * What both shells do beyond the HTTP contract, black-box, as every shell runs it (through {@link
 * HttpContractSuite}): bad records on the topic are counted and reported, the live view and the metrics are served,
 * health follows Kafka, and while Kafka is unreachable writes answer 503 and keep nothing.
 */
public interface OperationsContract extends ShellContract {

    @Test
    default void a_poison_pill_on_the_topic_is_counted_and_reported_where_it_sits_and_the_instance_stays_ready()
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

        var id = placed(placement(newResource(), 19, 21)).json().path("id").asText();
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
    default void publish_latency_and_kafka_client_metrics_are_exposed_for_prometheus() {
        placed(placement(newResource(), 19, 21));

        var scrape = api().get(target().metricsPath(), "Accept", "text/plain");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("reservekit_publish_seconds_count{outcome=\"success\",type=\"placed\"")
                .contains("kafka_producer_");
    }

    @Test
    default void health_is_up_while_kafka_can_take_events() {
        var health = api().get(target().healthPath());

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    default void while_kafka_is_unreachable_writes_answer_503_with_retry_after_and_keep_nothing() {
        assumeTrue(target().canStopKafka(), "this target cannot stop its Kafka brokers, so no outage is tested");
        var resource = newResource();
        var confirmed = placed(placement(resource, 8, 9)).json();
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
        placed(placement(resource, 19, 21));
        assertThat(topic().recordsSince(mark, resource))
                .as("the same request succeeds once Kafka is back")
                .hasSize(1);
    }
}
