package io.github.reservekit.contract;

import static io.github.reservekit.contract.RaceFixtures.INSTANCES;

import java.util.ArrayList;
import java.util.List;

/**
 * What the races of {@link TopicDecidesSuite} speak to: instances of one shell on one cluster, started by the suite
 * as many as a test needs.
 */
public interface InstancesOfOneShell {

    /** The cluster every instance publishes to. */
    String bootstrapServers();

    /** Starts a new instance on {@link #bootstrapServers()}; returns once it serves. */
    RunningApp startInstance();

    /** Starts the three instances a race runs on. */
    default List<RunningApp> startInstances() {
        var instances = new ArrayList<RunningApp>();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(startInstance());
        }
        return instances;
    }
}
