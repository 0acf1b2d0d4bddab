package io.github.reservekit.kafka.local;

import org.apache.kafka.common.utils.AppInfoParser;

/** The version of the Kafka jars on the classpath, which is also the broker and image version used. */
final class KafkaVersion {

    static final String VERSION = AppInfoParser.getVersion();

    private KafkaVersion() {}
}
