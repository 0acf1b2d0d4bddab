package io.github.reservekit.kafka;

import io.github.reservekit.kafka.topic.TopicHealth;
import io.github.reservekit.kafka.write.WriteOutcomes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this instance can publish now, as both shells report it: the topic looks able to take events
 * ({@link TopicHealth#canPublish()}) AND the latest write did not fail retriably (the metadata alone can look
 * healthy while writes fail, e.g. when two of three brokers are gone).
 *
 * @param topic what the topic's metadata says
 * @param failingWrites the retriable failure writes are in, if the latest write (or probe) failed
 */
public record PublishingHealth(TopicHealth topic, Optional<WriteOutcomes.Failing> failingWrites) {

    /** UP for a health endpoint. */
    public boolean canPublish() {
        return topic.canPublish() && failingWrites.isEmpty();
    }

    /** The health details both shells show, in one shape. */
    public Map<String, Object> details() {
        var details = new LinkedHashMap<String, Object>(topic.details());
        details.put(
                "writes",
                failingWrites
                        .map(failing -> "failing since " + failing.at() + ": " + failing.reason()
                                + " (probed again at most every few seconds; UP once a write succeeds)")
                        .orElse("ok"));
        return details;
    }
}
