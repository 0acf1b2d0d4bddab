package io.github.reservekit.kafkalocal;

import org.apache.kafka.common.utils.AppInfoParser;

/** The version of the Kafka jars on the classpath, which is also the broker and image version used. */
public final class KafkaVersion {

    public static final String VERSION = AppInfoParser.getVersion();

    private KafkaVersion() {}
}
