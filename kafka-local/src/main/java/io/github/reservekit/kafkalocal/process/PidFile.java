package io.github.reservekit.kafkalocal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A broker's pid and process start time, so that a later invocation finds the broker again and never
 * signals an unrelated process that reused the pid.
 */
final class PidFile {

    static final String NAME = "broker.pid";

    // Start times come from /proc in clock ticks; two JVMs may round them differently.
    private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

    private PidFile() {}

    static void write(Path file, ProcessHandle process) {
        String start = process.info()
                .startInstant()
                .map(i -> Long.toString(i.toEpochMilli()))
                .orElse("-");
        try {
            Path tmp = file.resolveSibling(NAME + ".tmp");
            Files.writeString(tmp, process.pid() + " " + start + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The live process the file names, or empty when it is gone (or the pid now belongs to another). */
    static Optional<ProcessHandle> read(Path file) {
        String[] fields;
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            fields = Files.readString(file).trim().split("\\s+");
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(fields[0]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || fields.length < 2 || fields[1].equals("-")) {
            return handle;
        }
        Instant recorded = Instant.ofEpochMilli(Long.parseLong(fields[1]));
        return handle.filter(h -> h.info()
                .startInstant()
                .map(actual -> Duration.between(recorded, actual).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(true));
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
