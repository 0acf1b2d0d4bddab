package io.github.reservekit.kafkalocal.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports on the loopback interface, where every local node listens. */
public final class LoopbackPorts {

    private LoopbackPorts() {}

    /** Whether a server could bind {@code port} on the loopback interface right now. */
    public static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** One port free right now. */
    public static int freePort() {
        return freePorts(1).getFirst();
    }

    /**
     * {@code count} different ports free right now: all are held open together while they are chosen, so none is
     * handed out twice.
     */
    public static List<Integer> freePorts(int count) {
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < count; i++) {
                var socket = new ServerSocket();
                sockets.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        } finally {
            sockets.forEach(LoopbackPorts::closeQuietly);
        }
        return sockets.stream().map(ServerSocket::getLocalPort).toList();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // only looked for a port
        }
    }
}
