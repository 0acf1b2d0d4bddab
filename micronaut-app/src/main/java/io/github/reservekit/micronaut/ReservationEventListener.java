package io.github.reservekit.micronaut;

import io.github.reservekit.http.RecentEvents;
import io.github.reservekit.kafka.Decoded;
import io.github.reservekit.kafka.ReservationRecordDecoder;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Requires;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the live view of events on {@code reserve} (spring-app's listener, Micronaut style). Records arrive as
 * raw bytes and are read with the adapter's decoder, which never throws: a poison pill (malformed, or a version
 * this reader cannot read) is parked on {@code reserve.DLT} untouched and the listener goes on; events of
 * unknown types are skipped, as CONTRACT.md asks of readers. Anything else that fails while handling a record
 * ends in {@link #handle}, which parks that record too; {@code RESUME_AT_NEXT_RECORD} then moves past it.
 */
@Requires(property = "kafka.enabled", notEquals = "false")
@KafkaListener(
        groupId = "${reservekit.events.group-id:reservekit-micronaut-events}",
        clientId = "reservekit-micronaut-events",
        offsetReset = OffsetReset.EARLIEST,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RESUME_AT_NEXT_RECORD))
class ReservationEventListener implements KafkaListenerExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReservationEventListener.class);

    private final RecentEvents recentEvents;
    private final DeadLetters deadLetters;
    private final ReservationRecordDecoder decoder = new ReservationRecordDecoder();

    ReservationEventListener(RecentEvents recentEvents, DeadLetters deadLetters) {
        this.recentEvents = recentEvents;
        this.deadLetters = deadLetters;
    }

    @Topic("${reservekit.topic:reserve}")
    void onRecord(ConsumerRecord<byte[], byte[]> record) {
        switch (decoder.decode(record)) {
            case Decoded.Event event -> recentEvents.add(event.event(), record.partition(), record.offset());
            case Decoded.UnknownType unknown ->
                log.debug(
                        "Skipping event of unknown type {} at {}-{}@{}",
                        unknown.type(),
                        record.topic(),
                        record.partition(),
                        record.offset());
            case Decoded.Malformed malformed -> deadLetters.park(record, "malformed record: " + malformed.reason());
            case Decoded.UnsupportedVersion unsupported ->
                deadLetters.park(record, "unsupported event version: " + unsupported.reason());
        }
    }

    @Override
    public void handle(KafkaListenerException failure) {
        var record = failure.getConsumerRecord().orElse(null);
        if (record == null) {
            log.error("The event listener failed outside of any record", failure);
            return;
        }
        try {
            deadLetters.park(record, "listener failed: " + failure.getCause());
        } catch (RuntimeException notParked) {
            log.error(
                    "Could not park {}-{}@{} on the dead-letter topic; skipping it",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    notParked);
        }
    }
}
