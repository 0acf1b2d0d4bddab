package io.github.reservekit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.contract.ContractTarget;
import io.github.reservekit.contract.HttpContractSuite;
import io.github.reservekit.kafka.local.EmbeddedKafkaCluster;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * spring-app against the shared HTTP contract suite, on a real Kafka broker in this JVM, plus the few checks
 * that are Spring's own (dead letters, the event view, metrics).
 */
class SpringContractIT extends HttpContractSuite {

    private EmbeddedKafkaCluster kafka;
    private ConfigurableApplicationContext app;
    private URI baseUri;

    @BeforeAll
    void startKafkaAndApp() {
        kafka = EmbeddedKafkaCluster.single();
        app = SpringApplication.run(
                ReserveKitSpringApplication.class,
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--reservekit.publish-timeout=3s");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        baseUri = URI.create("http://localhost:" + port);
    }

    @AfterAll
    void stopAppAndKafka() {
        if (app != null) {
            app.close();
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
                return baseUri;
            }

            @Override
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            @Override
            public String healthPath() {
                return "/actuator/health";
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
                awaitHealthUp();
            }
        };
    }

    private void awaitHealthUp() {
        await("spring-app UP again after Kafka came back")
                .atMost(Duration.ofSeconds(60))
                .until(() -> api().get("/actuator/health").status() == 200);
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
                            .anyMatch(record -> Arrays.equals(record.value(), poison)));
        }

        var placed =
                api().postJson("/reservations", body(newResource(), 19, 21)).json();
        var id = placed.path("id").asText();
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
        api().postJson("/reservations", body(newResource(), 19, 21));

        var scrape = api().get("/actuator/prometheus", "Accept", "text/plain");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("reservekit_publish_seconds_count{outcome=\"success\",type=\"placed\"")
                .contains("kafka_producer_");
    }
}
