package io.github.reservekit.micronaut;

import io.github.reservekit.contract.ShellPaths;
import io.github.reservekit.contract.TopicDecidesSuite;
import io.github.reservekit.micronaut.configuration.testing.MicronautTestApps;
import java.util.Map;
import java.util.UUID;

/** micronaut-app against the shared system-of-record suite: real restarts and two instances on one real broker. */
class MicronautSystemOfRecordIT extends TopicDecidesSuite {

    MicronautSystemOfRecordIT() {
        super(
                ShellPaths.MICRONAUT,
                bootstrapServers -> MicronautTestApps.start(
                        bootstrapServers, Map.of("reservekit.events.group-id", "view-" + UUID.randomUUID())));
    }
}
