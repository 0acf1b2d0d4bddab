/**
 * What a local Kafka node needs wherever it runs, shared by the dev broker in this JVM ({@code injvm}) and the
 * broker processes ({@code process}): the settings of a combined KRaft node, Kafka's storage format, free
 * loopback ports and the removal of a data directory. It depends on neither of them.
 */
package io.github.reservekit.kafkalocal.node;
