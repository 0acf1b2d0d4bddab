package io.github.reservekit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.ContractTarget;
import io.github.reservekit.contract.HttpContractSuite;
import io.github.reservekit.kafka.local.EmbeddedKafkaCluster;
import io.micronaut.configuration.kafka.health.KafkaHealthIndicator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * micronaut-app against the shared HTTP contract suite, unchanged, on a real Kafka broker in this JVM, plus the
 * few checks that are the shell's own (dead letters, the event view, metrics), as in spring-app's.
 */
class MicronautContractIT extends HttpContractSuite {

    private EmbeddedKafkaCluster kafka;
    private EmbeddedServer server;

    @BeforeAll
    void startKafkaAndApp() {
        kafka = EmbeddedKafkaCluster.single();
        server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "micronaut.server.port",
                        -1,
                        "kafka.bootstrap.servers",
                        kafka.bootstrapServers(),
                        "reservekit.publish-timeout",
                        "3s"));
    }

    @AfterAll
    void stopAppAndKafka() {
        if (server != null) {
            server.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    protected ContractTarget target() {
        return new ContractTarget() {
            @Override
            public URI baseUri() {
                return server.getURI();
            }

            @Override
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            @Override
            public String healthPath() {
                return "/health";
            }

            @Override
            public boolean canStopKafka() {
                return true;
            }

            @Override
            public void stopKafka() {
                kafka.brokerIds().forEach(kafka::stopBroker);
            }

            @Override
            public void startKafka() {
                kafka.stoppedBrokerIds().forEach(kafka::startBroker);
                await("micronaut-app UP again after Kafka came back")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> api().get("/health").status() == 200);
            }
        };
    }

    @Test
    void a_poison_pill_on_the_topic_is_parked_on_the_dead_letter_topic_and_the_view_goes_on() throws Exception {
        var poison = "not a reservation event".getBytes(StandardCharsets.UTF_8);
        var producerConfig = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("reserve", "poison".getBytes(StandardCharsets.UTF_8), poison))
                    .get();
        }

        var consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-check");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer =
                new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("reserve.DLT"));
            await("the poison pill reaches reserve.DLT unchanged")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> StreamSupport.stream(
                                    consumer.poll(Duration.ofMillis(200)).spliterator(), false)
                            .anyMatch(record -> Arrays.equals(record.value(), poison)
                                    && Arrays.equals(record.key(), "poison".getBytes(StandardCharsets.UTF_8))));
        }

        var placed =
                api().postJson("/reservations", body(newResource(), 19, 21)).json();
        var id = placed.path("id").asText();
        await("the event view shows the reservation placed after the poison pill")
                .atMost(Duration.ofSeconds(60))
                .until(() -> {
                    var events = api().get("/reservations/events?after=0").json();
                    return StreamSupport.stream(events.spliterator(), false)
                            .anyMatch(event ->
                                    event.path("reservationId").asText().equals(id)
                                            && event.path("type").asText().equals("placed"));
                });
    }

    @Test
    void publish_latency_and_kafka_client_metrics_are_exposed_for_prometheus() throws Exception {
        api().postJson("/reservations", body(newResource(), 19, 21));

        HttpResponse<String> scrape;
        try (var http = HttpClient.newHttpClient()) {
            scrape = http.send(
                    HttpRequest.newBuilder(server.getURI().resolve("/prometheus"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("reservekit_publish_seconds_count{outcome=\"success\",type=\"placed\"")
                .contains("kafka_producer_");
    }

    @Test
    void health_says_which_topic_it_checked() {
        var health = api().get("/health");

        assertThat(health.json()
                        .path("details")
                        .path("kafkaPublishing")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void micronaut_kafkas_own_health_indicator_works_on_the_projects_kafka_clients() throws Exception {
        try (var context = ApplicationContext.run(Map.of(
                "kafka.bootstrap.servers",
                kafka.bootstrapServers(),
                "kafka.health.enabled",
                true,
                "reservekit.events.group-id",
                "health-indicator-check"))) {
            HealthIndicator indicator = context.getBean(KafkaHealthIndicator.class);

            var result = new CompletableFuture<HealthResult>();
            indicator.getResult().subscribe(new Subscriber<HealthResult>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    subscription.request(1);
                }

                @Override
                public void onNext(HealthResult health) {
                    result.complete(health);
                }

                @Override
                public void onError(Throwable failure) {
                    result.completeExceptionally(failure);
                }

                @Override
                public void onComplete() {
                    result.complete(null);
                }
            });

            var health = result.get(30, TimeUnit.SECONDS);
            assertThat(health.getStatus())
                    .as(String.valueOf(health.getDetails()))
                    .isEqualTo(HealthStatus.UP);
        }
    }
}
