package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The tracing check of both shells: a request with a W3C {@code traceparent} places a reservation; the record on the
 * topic carries the request's trace id in {@code traceparent}, and the request, the publish and the follower's
 * handling of the record are spans of that one trace, the handling a child of the publish. Each shell's test starts
 * its app with its framework's tracing and hands over the in-memory exporter its spans go to.
 */
public final class TraceAcrossKafka {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private TraceAcrossKafka() {}

    /**
     * Places a reservation through the app at {@code baseUri} in a trace of its own and checks where the trace went.
     *
     * @param topic the app's topic, of one partition
     * @param spans the exporter the app's tracer provider hands its finished spans to
     */
    public static void check(URI baseUri, String bootstrapServers, String topic, InMemorySpanExporter spans) {
        var placement = PlacementJson.onANewTable();

        var response = new ApiClient(baseUri)
                .postJson("/reservations", placement.json(), "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
        assertThat(response.status()).as(response.body()).isEqualTo(201);

        var record = onlyRecord(bootstrapServers, topic);
        var traceparent = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(traceparent).as("the record's trace is the request's").startsWith("00-" + TRACE_ID + "-");

        await("the request, the publish and the follower's handling are spans of one trace")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    var finished = spans.getFinishedSpanItems();
                    var request = span(finished, SpanKind.SERVER);
                    var publish = span(finished, SpanKind.PRODUCER);
                    var process = span(finished, SpanKind.CONSUMER);
                    assertThat(request.getTraceId()).isEqualTo(TRACE_ID);
                    assertThat(publish.getTraceId()).isEqualTo(TRACE_ID);
                    assertThat(traceparent).contains(publish.getSpanId());
                    assertThat(process.getTraceId()).isEqualTo(TRACE_ID);
                    assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
                });
    }

    private static SpanData span(List<SpanData> spans, SpanKind kind) {
        return spans.stream()
                .filter(span -> span.getKind() == kind)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " span in " + spans));
    }

    private static ConsumerRecord<byte[], byte[]> onlyRecord(String bootstrapServers, String topic) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            var records = new ArrayList<ConsumerRecord<byte[], byte[]>>();
            await("the placed event on " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
            return records.getFirst();
        }
    }
}
