package io.github.reservekit.kafka.settings;

import java.util.Collection;

/** What the adapter's clients take from the Kafka properties they are given, whatever the client. */
public final class ClientProperties {

    private ClientProperties() {}

    /**
     * Whether a client property is an object handed to a pluggable class's {@code configure} (such as Spring Boot's
     * SSL bundle for its {@code ssl.engine.factory.class}) rather than a Kafka setting, which is text, a number, a
     * boolean, a class or a list. The follower's consumer and the topic's admin client keep only the properties of
     * their own client type, and such objects besides, whatever their key.
     *
     * @param value a property's value; null is no object
     */
    public static boolean isPluginObject(Object value) {
        return value != null
                && !(value instanceof CharSequence
                        || value instanceof Number
                        || value instanceof Boolean
                        || value instanceof Class<?>
                        || value instanceof Collection<?>);
    }
}
