package io.github.reservekit.contract;

import static io.github.reservekit.contract.RaceFixtures.INSTANCES;
import static io.github.reservekit.contract.RaceFixtures.body;
import static io.github.reservekit.contract.RaceFixtures.closeAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md version 2, black-box, as every shell runs it (through {@link TopicDecidesSuite}): reads on any
 * instance reflect every write acknowledged before they began.
 */
public interface ReadYourWritesContract extends InstancesOfOneShell {

    @Test
    default void a_reservation_confirmed_on_one_instance_is_found_at_once_on_another() {
        var instances = startInstances();
        try {
            Map<String, String> made = new HashMap<>();
            for (int i = 0; i < 60; i++) {
                String resource = "ryw-" + UUID.randomUUID();
                var created = instances.get(i % INSTANCES).api().postJson("/reservations", body(resource, 10, 11));
                assertThat(created.status()).isEqualTo(201);
                String id = created.json().path("id").asText();
                var other = instances.get((i + 1) % INSTANCES).api();

                assertThat(other.get("/reservations/" + id).status())
                        .as("GET on another instance right after the 201")
                        .isEqualTo(200);
                assertThat(other.get("/reservations?resourceId=" + resource).json())
                        .as("the list on another instance right after the 201")
                        .hasSize(1);
                made.put(id, resource);
            }
            assertThat(made).hasSize(60);
        } finally {
            closeAll(instances);
        }
    }
}
