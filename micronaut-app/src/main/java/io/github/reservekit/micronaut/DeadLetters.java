package io.github.reservekit.micronaut;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks records the listener cannot read on {@code <topic>.DLT} ({@code reserve.DLT}): key, value and headers
 * untouched, plus {@code dlt-*} headers saying where the record came from and why it was parked. Waits for the
 * broker's acknowledgement (acks=all), so a parked record is not lost when the listener moves on.
 */
@Requires(property = "kafka.enabled", notEquals = "false")
@Singleton
class DeadLetters {

    /** The producer side: a micronaut-kafka declarative client. */
    @KafkaClient(id = "reservekit-dead-letters", acks = KafkaClient.Acknowledge.ALL)
    interface Client {
        @Topic("${reservekit.topic:reserve}.DLT")
        void send(@KafkaKey byte[] key, byte[] value, Headers headers);
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Client client;

    DeadLetters(Client client) {
        this.client = client;
    }

    void park(ConsumerRecord<?, ?> record, String reason) {
        var headers = new RecordHeaders(record.headers().toArray());
        headers.add("dlt-original-topic", bytes(record.topic()));
        headers.add("dlt-original-partition", bytes(Integer.toString(record.partition())));
        headers.add("dlt-original-offset", bytes(Long.toString(record.offset())));
        headers.add("dlt-reason", bytes(reason));
        client.send(raw(record.key()), raw(record.value()), headers);
        log.warn(
                "Parked {}-{}@{} on the dead-letter topic: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason);
    }

    /** Records are read as raw bytes; anything else (a listener given other types) is parked as its text. */
    private static byte[] raw(@Nullable Object value) {
        return value == null ? null : value instanceof byte[] bytes ? bytes : bytes(value.toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
