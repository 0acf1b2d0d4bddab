package io.github.reservekit.contract;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One app of a shell a test started: where it serves, whether ReserveKit in it has replayed the topic, and how to
 * stop it. Closing it stops the app; its state is gone, the topic keeps everything.
 */
public final class RunningApp implements AutoCloseable {

    private final URI baseUri;
    private final BooleanSupplier caughtUp;
    private final AutoCloseable app;
    private final ApiClient api;

    /**
     * @param baseUri where the app serves, e.g. {@code http://localhost:8080}
     * @param caughtUp whether ReserveKit's follower in the app has replayed the topic
     * @param app what stops the app
     */
    public RunningApp(URI baseUri, BooleanSupplier caughtUp, AutoCloseable app) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.caughtUp = Objects.requireNonNull(caughtUp, "caughtUp");
        this.app = Objects.requireNonNull(app, "app");
        this.api = new ApiClient(baseUri);
    }

    /** The app starts at once; ReserveKit serves once its follower has replayed the topic: returns then. */
    public RunningApp awaitCaughtUp() {
        await().atMost(Duration.ofMinutes(1)).until(caughtUp::getAsBoolean);
        return this;
    }

    /** Where the app serves. */
    public URI baseUri() {
        return baseUri;
    }

    /** A plain client of the app (responses are not checked against the OpenAPI document). */
    public ApiClient api() {
        return api;
    }

    /** Stops the app. */
    @Override
    public void close() {
        try {
            app.close();
        } catch (Exception e) {
            throw new IllegalStateException("the app did not stop", e);
        }
    }
}
