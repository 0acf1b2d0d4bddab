package io.github.reservekit.kafkalocal.node;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Kafka's own {@code kafka-storage format}, run in this JVM to save a JVM start per node. */
public final class StorageFormat {

    private StorageFormat() {}

    /**
     * Formats the log directories named in {@code serverProperties} for the cluster {@code clusterId}.
     *
     * @param what the node, as the failure message names it (e.g. {@code node 2})
     * @param extraArguments further arguments of {@code kafka-storage format}, e.g. {@code --ignore-formatted}
     * @throws IllegalStateException when the tool fails (the message holds its output) or is not on the classpath
     */
    public static void format(Path serverProperties, String clusterId, String what, String... extraArguments) {
        List<String> args =
                new ArrayList<>(List.of("format", "--cluster-id", clusterId, "--config", serverProperties.toString()));
        args.addAll(List.of(extraArguments));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Method execute =
                    Class.forName("kafka.tools.StorageTool").getMethod("execute", String[].class, PrintStream.class);
            exit = (int) execute.invoke(null, args.toArray(String[]::new), ps);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(
                    "kafka.tools.StorageTool.execute not found: is org.apache.kafka:kafka_2.13 on the classpath?", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "formatting " + what + " failed: " + out.toString(StandardCharsets.UTF_8), e.getCause());
        }
        if (exit != 0) {
            throw new IllegalStateException("formatting " + what + " failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }
}
