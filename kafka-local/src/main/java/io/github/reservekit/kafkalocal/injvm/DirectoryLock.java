package io.github.reservekit.kafkalocal.injvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The dev broker's own lock on its data directory, taken before Kafka opens anything in it: Kafka's metadata log
 * would otherwise be opened by a second broker before Kafka's lock on the data refuses it, and the two would
 * fight over it. Held by another JVM or by another broker of this one, it is refused.
 */
final class DirectoryLock implements AutoCloseable {

    private static final String FILE_NAME = "dev-broker.lock";

    private final FileLock lock;

    private DirectoryLock(FileLock lock) {
        this.lock = lock;
    }

    /**
     * @throws IllegalStateException when another broker holds it
     */
    static DirectoryLock take(Path dir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DirectoryLock(lock);
            }
        } catch (OverlappingFileLockException heldInThisJvm) {
            // held by a broker of this JVM: refused below
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + dir.resolve(FILE_NAME), e);
        }
        closeQuietly(channel);
        throw new IllegalStateException("another Kafka broker is using " + dir + " (is the same app already running?)");
    }

    /** Releases the lock. */
    @Override
    public void close() {
        closeQuietly(lock.channel());
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close(); // releases the lock
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
