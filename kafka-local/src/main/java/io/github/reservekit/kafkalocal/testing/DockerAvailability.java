package io.github.reservekit.kafkalocal.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine is reachable, and why not if it is not. Asked once per JVM: Testcontainers is only
 * consulted when a Docker socket or {@code DOCKER_HOST} exists, so a machine without Docker answers at once
 * and without Testcontainers' error logs.
 *
 * @param available whether Testcontainers can start containers
 * @param reason what was found, for test output (e.g. {@code no DOCKER_HOST and no /var/run/docker.sock})
 */
public record DockerAvailability(boolean available, String reason) {

    private static volatile DockerAvailability cached;

    /** Checks once per JVM and remembers the answer. */
    public static DockerAvailability check() {
        var result = cached;
        if (result == null) {
            synchronized (DockerAvailability.class) {
                result = cached;
                if (result == null) {
                    result = probe();
                    cached = result;
                }
            }
        }
        return result;
    }

    private static DockerAvailability probe() {
        String dockerHost = System.getenv("DOCKER_HOST");
        Path socket = Path.of("/var/run/docker.sock");
        Path userSocket = Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock");
        boolean hint = (dockerHost != null && !dockerHost.isBlank())
                || Files.exists(socket)
                || Files.exists(userSocket)
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hint) {
            return new DockerAvailability(false, "no DOCKER_HOST, no " + socket + " and no " + userSocket);
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return new DockerAvailability(true, "Testcontainers found a Docker engine");
            }
            return new DockerAvailability(false, "Testcontainers found no working Docker engine");
        } catch (RuntimeException | LinkageError failure) {
            return new DockerAvailability(false, "Testcontainers could not reach Docker: " + failure);
        }
    }
}
