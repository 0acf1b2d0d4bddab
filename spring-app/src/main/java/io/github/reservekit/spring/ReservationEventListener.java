package io.github.reservekit.spring;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.kafka.Decoded;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the live view of events on {@code reserve}. Records are read through an {@code ErrorHandlingDeserializer}
 * around {@link StrictReservationEventDeserializer}: a poison pill fails deserialization, and the
 * {@code DefaultErrorHandler} parks it on {@code reserve.DLT} untouched while the listener goes on. Events of
 * unknown types are skipped, as CONTRACT.md asks of readers.
 */
@Component
class ReservationEventListener {

    private static final Logger log = LoggerFactory.getLogger(ReservationEventListener.class);

    private final RecentEvents recentEvents;

    ReservationEventListener(RecentEvents recentEvents) {
        this.recentEvents = recentEvents;
    }

    @KafkaListener(
            id = "reservekit-events",
            topics = "${reservekit.topic:reserve}",
            groupId = "${reservekit.events.group-id:reservekit-spring-events}")
    void onRecord(ConsumerRecord<String, Decoded> record) {
        switch (record.value()) {
            case Decoded.Event event -> recentEvents.add(event.event(), record.partition(), record.offset());
            case Decoded.UnknownType unknown ->
                log.debug(
                        "Skipping event of unknown type {} at {}-{}@{}",
                        unknown.type(),
                        record.topic(),
                        record.partition(),
                        record.offset());
            case Decoded.Malformed malformed ->
                throw new IllegalStateException("strict deserializer let through " + malformed);
            case Decoded.UnsupportedVersion unsupported ->
                throw new IllegalStateException("strict deserializer let through " + unsupported);
        }
    }
}
