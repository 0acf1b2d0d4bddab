package io.github.reservekit.kafka.topic;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** Reads a topic's end offsets with an admin client: one request for every partition. */
final class TopicOffsets {

    private TopicOffsets() {}

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, long timeoutMillis) {
        try {
            var partitions = admin.describeTopics(Set.of(topic))
                    .allTopicNames()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS)
                    .get(topic)
                    .partitions();
            var latest = new HashMap<TopicPartition, OffsetSpec>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var offsets = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
            var ends = new HashMap<TopicPartition, Long>();
            offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("the end offsets of " + topic + " are unknown: " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of " + topic);
        }
    }
}
