package io.github.reservekit.kafka.topic;

/**
 * The replication ReserveKit wants for its topic on a cluster of a given size, the one place this rule lives:
 * replication factor {@code min(3, brokers)} and {@code min.insync.replicas} {@code min(2, factor)}, so that on 3
 * or more brokers an acknowledged event is on at least 2 of 3 copies and one broker may be down.
 *
 * @param factor the replication factor
 * @param minInsyncReplicas the {@code min.insync.replicas}
 */
public record Replication(short factor, int minInsyncReplicas) {

    /** What ReserveKit wants on {@code brokers} brokers (at least one). */
    public static Replication forBrokers(int brokers) {
        short factor = (short) Math.max(1, Math.min(3, brokers));
        return new Replication(factor, Math.min(2, factor));
    }
}
