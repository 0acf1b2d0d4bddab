package io.github.reservekit.kafkalocal.testing;

import io.github.reservekit.kafkalocal.process.KafkaProcessCluster;
import java.nio.file.Path;

/**
 * Starts a {@link KafkaProcessCluster} for a test: three broker processes on loopback ports free right now (never a
 * developer's own cluster), their progress printed, and stopped when the JVM exits should the test's own clean-up
 * never run (the test stops it as usual, {@link KafkaProcessCluster#stop()}).
 */
public final class TestProcessCluster {

    private TestProcessCluster() {}

    /** Three brokers and the default topic {@code reserve}, kept in {@code dataDir}. */
    public static KafkaProcessCluster start(Path dataDir) {
        return start(KafkaProcessCluster.builder(dataDir));
    }

    /** Three brokers with the other settings of {@code cluster} (its topic, say). */
    public static KafkaProcessCluster start(KafkaProcessCluster.Builder cluster) {
        var started = cluster.freePorts(3)
                .progress(line -> System.out.println("[kafka-local] " + line))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-kafka-processes"));
        started.start();
        return started;
    }
}
