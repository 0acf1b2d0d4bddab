package io.github.reservekit.spring;

import io.github.reservekit.contract.ShellPaths;
import io.github.reservekit.contract.TopicDecidesSuite;
import io.github.reservekit.springboot.autoconfigure.testing.SpringTestApps;
import java.util.UUID;

/** spring-app against the shared system-of-record suite: real restarts and two instances on one real broker. */
class SpringSystemOfRecordIT extends TopicDecidesSuite {

    SpringSystemOfRecordIT() {
        super(
                ShellPaths.SPRING,
                bootstrapServers -> SpringTestApps.start(
                        ReserveKitSpringApplication.class,
                        bootstrapServers,
                        "--reservekit.events.group-id=view-" + UUID.randomUUID()));
    }
}
