package io.github.reservekit.kafka;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything a test opened, closed after it in reverse order (followers before publishers). Register it on an
 * instance field with {@code @RegisterExtension}.
 */
final class OpenedByTheTest implements AfterEachCallback {

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Keeps {@code closeable} to close after the test; returns it. */
    <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }
}
