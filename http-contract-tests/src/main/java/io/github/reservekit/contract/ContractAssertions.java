package io.github.reservekit.contract;

import static io.github.reservekit.contract.ContractFixtures.SCHEMAS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reservekit.contract.ApiClient.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The checks the HTTP contract suite makes again and again: a problem answer, a named invalid field, a CloudEvent. */
final class ContractAssertions {

    private ContractAssertions() {}

    /** An RFC 9457 problem of this status that tells nothing of the shell's insides. */
    static void assertProblem(Response response, int status) {
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

    /** A 400 problem naming exactly these fields, each with a message. */
    static void assertInvalid(Response response, String... fields) {
        assertProblem(response, 400);
        var named = Stream.of(response.json().path("errors").spliterator())
                .flatMap(s -> StreamSupport.stream(s, false))
                .map(error -> {
                    assertThat(error.path("message").asText()).isNotBlank();
                    return error.path("field").asText();
                })
                .toList();
        assertThat(named).as(response.body()).containsExactlyInAnyOrder(fields);
    }

    /** Every CONTRACT.md section 2 rule common to both event types. */
    static void assertCloudEvent(ConsumerRecord<byte[], byte[]> record, String type, JsonNode reservation) {
        assertThat(text(record.key())).isEqualTo(reservation.path("resourceId").asText());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_source")).isNotBlank();
        assertThat(URI.create(header(record, "ce_source"))).isNotNull();
        assertThat(header(record, "ce_type")).isEqualTo(type);
        assertThat(header(record, "ce_subject"))
                .isEqualTo(reservation.path("id").asText());
        assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
        assertThat(header(record, "content-type")).startsWith("application/json");
        assertThat(header(record, "ce_dataschema")).isEqualTo(SCHEMAS + type + ".json");
    }

    /** The record's value, which must be JSON. */
    static JsonNode data(ConsumerRecord<byte[], byte[]> record) {
        try {
            return new ObjectMapper().readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("the record value is not JSON: " + text(record.value()), e);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return text(header.value());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
