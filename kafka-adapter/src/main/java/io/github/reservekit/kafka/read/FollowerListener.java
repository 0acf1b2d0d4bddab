package io.github.reservekit.kafka.read;

/**
 * Told of every record the follower read, after the core applied it (or after it was skipped): how the live view
 * and metrics see the topic without reading it a second time. Called on the follower's thread, in partition
 * order; an implementation must be quick and must not throw (a listener that throws is logged and ignored).
 */
@FunctionalInterface
public interface FollowerListener {

    void onRecord(FollowedRecord record);
}
