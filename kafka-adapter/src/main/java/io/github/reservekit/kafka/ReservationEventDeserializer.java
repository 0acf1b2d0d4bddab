package io.github.reservekit.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka value {@link Deserializer} for the topic {@code reserve}: {@code KafkaConsumer<String, Decoded>}
 * then never throws a deserialization error from {@code poll}; a poison pill arrives as
 * {@link Decoded.Malformed} and the consumer goes on. Set it as {@code value.deserializer} (it has a public
 * no-argument constructor). Thread-safe.
 */
public final class ReservationEventDeserializer implements Deserializer<Decoded> {

    private final ReservationRecordDecoder decoder = new ReservationRecordDecoder();

    /** Without headers a record cannot be a CloudEvent in binary mode. */
    @Override
    public Decoded deserialize(String topic, byte[] data) {
        return new Decoded.Malformed("record has no headers, so it is not a binary-mode CloudEvent");
    }

    @Override
    public Decoded deserialize(String topic, Headers headers, byte[] data) {
        return decoder.decode(headers, data);
    }
}
