package io.github.reservekit.springboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs read (generated from {@link ReserveKitProperties}) lists exactly the keys the one
 * binder reads, plus the switches of the auto-configuration, with the binder's defaults.
 */
class ReserveKitPropertiesTest {

    private static final Set<String> SWITCHES = Set.of(
            "reservekit.enabled",
            "reservekit.http.enabled",
            "reservekit.http.all-errors-as-problems",
            "reservekit.http.prefix",
            "reservekit.kafka.producer",
            "reservekit.kafka.consumer",
            "reservekit.kafka.admin");

    private static Map<String, JsonNode> metadata() throws Exception {
        try (InputStream in =
                ReserveKitPropertiesTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in)
                    .as("the configuration processor's output is in the jar")
                    .isNotNull();
            var properties = new HashMap<String, JsonNode>();
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                properties.put(property.path("name").asText(), property);
            }
            return properties;
        }
    }

    @Test
    void the_metadata_names_every_key_the_binder_reads_and_nothing_else() throws Exception {
        var read = new HashSet<String>();
        ReserveKitSettings.bind(
                key -> {
                    read.add(key);
                    return null;
                },
                URI.create("/test"));
        var documented = new HashSet<>(metadata().keySet());
        documented.removeAll(SWITCHES);

        assertThat(documented).isEqualTo(read);
    }

    @Test
    void every_key_has_a_description_and_the_defaults_are_the_binders() throws Exception {
        var metadata = metadata();
        var defaults = ReserveKitSettings.defaults(URI.create("/test"));

        assertThat(metadata.values())
                .allSatisfy(property -> assertThat(property.path("description").asText())
                        .as(property.path("name").asText())
                        .isNotBlank());
        assertThat(metadata.get("reservekit.topic").path("defaultValue").asText())
                .isEqualTo(defaults.topic());
        assertThat(metadata.get("reservekit.partitions").path("defaultValue").asInt())
                .isEqualTo(defaults.partitions());
        assertThat(metadata.get("reservekit.publish-timeout")
                        .path("defaultValue")
                        .asText())
                .isEqualTo(defaults.publishTimeout().toSeconds() + "s");
        assertThat(metadata.get("reservekit.replay-timeout")
                        .path("defaultValue")
                        .asText())
                .isEqualTo(defaults.replayTimeout().toMinutes() + "m");
        assertThat(metadata.get("reservekit.owner-only").path("defaultValue").asBoolean(true))
                .isEqualTo(defaults.ownerOnly());
        assertThat(metadata.get("reservekit.max-writes-in-flight")
                        .path("defaultValue")
                        .asInt())
                .isEqualTo(defaults.maxWritesInFlight());
        assertThat(metadata.get("reservekit.min-writes-in-flight")
                        .path("defaultValue")
                        .asInt())
                .isEqualTo(defaults.minWritesInFlight());
    }
}
