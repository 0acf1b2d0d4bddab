package io.github.reservekit.springboot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.reservekit.kafka.settings.ReserveKitSettings;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs read (generated from {@link ReserveKitProperties}) lists exactly the keys the one
 * binder reads, plus the switches of the auto-configuration, each described, and the defaults it shows are the
 * binder's: bound as a user's value, each gives the settings the binder gives when nothing is set.
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
        var documented = new HashSet<>(metadata().keySet());
        documented.removeAll(SWITCHES);

        assertThat(documented).isEqualTo(ReserveKitSettings.keys());
    }

    @Test
    void every_key_has_a_description_and_the_defaults_are_the_binders() throws Exception {
        var metadata = metadata();
        var unset = ReserveKitSettings.defaults(ReserveKitAutoConfiguration.SOURCE);

        assertThat(metadata.values())
                .allSatisfy(property -> assertThat(property.path("description").asText())
                        .as(property.path("name").asText())
                        .isNotBlank());
        var withoutDefault = new HashSet<String>();
        for (String key : ReserveKitSettings.keys()) {
            JsonNode shown = metadata.get(key).path("defaultValue");
            if (shown.isMissingNode()) {
                withoutDefault.add(key);
            } else {
                assertThat(ReserveKitSettings.bind(
                                Map.of(key, shown.asText())::get, ReserveKitAutoConfiguration.SOURCE))
                        .as(key + "=" + shown.asText())
                        .isEqualTo(unset);
            }
        }
        assertThat(withoutDefault).containsExactlyInAnyOrder("reservekit.retention", "reservekit.retention-bytes");
        assertThat(metadata.get("reservekit.publish-timeout")
                        .path("defaultValue")
                        .asText())
                .isEqualTo(unset.publishTimeout().toSeconds() + "s");
        assertThat(metadata.get("reservekit.replay-timeout")
                        .path("defaultValue")
                        .asText())
                .isEqualTo(unset.replayTimeout().toMinutes() + "m");
    }
}
