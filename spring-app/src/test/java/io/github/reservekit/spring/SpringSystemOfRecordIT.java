package io.github.reservekit.spring;

import io.github.reservekit.contract.RunningApp;
import io.github.reservekit.contract.ShellPaths;
import io.github.reservekit.contract.TopicDecidesSuite;
import io.github.reservekit.springboot.autoconfigure.testing.SpringTestApps;
import java.util.UUID;

/** spring-app against the shared system-of-record suite: real restarts and two instances on one real broker. */
class SpringSystemOfRecordIT extends TopicDecidesSuite {

    @Override
    protected ShellPaths paths() {
        return ShellPaths.SPRING;
    }

    @Override
    protected RunningApp startApp(String bootstrapServers) {
        return SpringTestApps.start(
                ReserveKitSpringApplication.class,
                bootstrapServers,
                "--reservekit.events.group-id=view-" + UUID.randomUUID());
    }
}
