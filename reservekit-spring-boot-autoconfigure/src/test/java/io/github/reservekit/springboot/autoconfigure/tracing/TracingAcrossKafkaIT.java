package io.github.reservekit.springboot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.reservekit.kafka.ReserveKitKafka;
import io.github.reservekit.kafkalocal.testing.TestKafka;
import io.github.reservekit.kafkalocal.testing.junit.SharedKafka;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A trace started by an HTTP request crosses Kafka in a Spring Boot app on the starter's auto-configuration, with
 * Spring Boot's own tracing (Micrometer Tracing bridged to OpenTelemetry) and an in-memory exporter: the record
 * carries the request's trace id in {@code traceparent}, and the follower's handling of it is a span of that trace.
 */
@SharedKafka
class TracingAcrossKafkaIT {

    /** The app: Boot's tracing, the starter's auto-configuration, and spans kept in memory. */
    @SpringBootApplication
    static class TracedApp {
        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Test
    void the_records_trace_id_is_the_http_requests_and_the_follower_continues_it(TestKafka kafka) throws Exception {
        var topic = "traced-" + UUID.randomUUID();
        try (var app = SpringApplication.run(
                TracedApp.class,
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--reservekit.topic=" + topic,
                "--reservekit.partitions=1",
                "--management.tracing.sampling.probability=1.0")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // The app starts at once; ReserveKit serves once its follower has replayed the topic.
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> app.getBean(ReserveKitKafka.class).follower().isCaughtUp());
            var spans = app.getBean(InMemorySpanExporter.class);
            String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            var start = Instant.now().plus(Duration.ofDays(2));

            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/reservations"))
                                    .header("Content-Type", "application/json")
                                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            """
                                            {"resourceId":"table-%s","guestName":"Ada","partySize":2,"startsAt":"%s","endsAt":"%s"}""".formatted(UUID.randomUUID(), start, start.plus(Duration.ofHours(2)))))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);

            var record = onlyRecord(kafka.bootstrapServers(), topic);
            var traceparent =
                    new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            assertThat(traceparent).as("the record's trace is the request's").startsWith("00-" + traceId + "-");

            await("the request, the publish and the follower's handling are spans of one trace")
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> {
                        var server = span(spans, SpanKind.SERVER);
                        var publish = span(spans, SpanKind.PRODUCER);
                        var process = span(spans, SpanKind.CONSUMER);
                        assertThat(server.getTraceId()).isEqualTo(traceId);
                        assertThat(publish.getTraceId()).isEqualTo(traceId);
                        assertThat(traceparent).contains(publish.getSpanId());
                        assertThat(process.getTraceId()).isEqualTo(traceId);
                        assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
                    });
        }
    }

    private static SpanData span(InMemorySpanExporter spans, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == kind)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " span in " + spans.getFinishedSpanItems()));
    }

    private static ConsumerRecord<byte[], byte[]> onlyRecord(String bootstrap, String topic) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrap),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(java.util.List.of(partition));
            consumer.seekToBeginning(java.util.List.of(partition));
            var records = new java.util.ArrayList<ConsumerRecord<byte[], byte[]>>();
            await("the placed event on " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
            return records.getFirst();
        }
    }
}
