package io.github.reservekit.benchmarks;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The load generator's HTTP/1.1 client: a JSON POST written in one piece to a kept-alive socket and its answer read
 * back, blocking (each request runs on its own virtual thread, see {@link OpenLoop.Request#blocking}); idle sockets
 * are pooled, and a request with none idle opens a new one, so a slow server sees as many connections as it has
 * requests unanswered, as with any HTTP/1.1 client.
 *
 * <p>Why not the JDK's {@code HttpClient}: it spent 0.9-1.2 ms of CPU per request here (its selector thread and
 * a chain of completion stages per exchange), on the same two cores as the service it measured; at 1,000/s the
 * client alone took half the machine. This one reads and writes a socket and nothing else: the figures then say what
 * the service costs, as a load generator such as wrk would. It speaks only what the benchmark needs: one POST, a
 * {@code Content-Length} or chunked answer whose status it keeps and whose body it skips.
 */
final class LeanHttpClient implements AutoCloseable {

    /** A pooled socket idle for longer is closed rather than reused: the server may have closed it meanwhile. */
    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(5).toNanos();

    private final InetSocketAddress server;
    private final byte[] requestHead;
    private final int connectTimeoutMillis;
    private final int answerTimeoutMillis;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    /**
     * @param target where the POSTs go ({@code http://host:port/path})
     * @param connectTimeout how long a connect may take before the request fails as a connection failure
     * @param answerTimeout how long the answer may take after the request was written before it fails as a time-out
     */
    LeanHttpClient(URI target, Duration connectTimeout, Duration answerTimeout) {
        if (!"http".equals(target.getScheme()) || target.getPort() < 0) {
            throw new IllegalArgumentException("an http URI with a port, not " + target);
        }
        this.server = new InetSocketAddress(target.getHost(), target.getPort());
        this.requestHead = ("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":"
                        + target.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.answerTimeoutMillis = Math.toIntExact(answerTimeout.toMillis());
    }

    /**
     * POSTs {@code json} and returns the answer's status code.
     *
     * @throws ConnectException when no connection could be made (refused, or not within the connect time-out)
     * @throws java.net.SocketTimeoutException when no answer came within the answer time-out
     * @throws IOException when the connection was reset or closed before the answer
     */
    int postJson(byte[] json) throws IOException {
        var connection = pooledOrNew();
        boolean reusable = false;
        try {
            connection.write(requestHead, json);
            var answer = connection.readAnswer();
            reusable = answer.keepAlive();
            return answer.status();
        } finally {
            if (reusable) {
                connection.idleSince = System.nanoTime();
                idle.push(connection);
            } else {
                connection.close();
            }
        }
    }

    @Override
    public void close() {
        for (var connection = idle.poll(); connection != null; connection = idle.poll()) {
            connection.close();
        }
    }

    private Connection pooledOrNew() throws IOException {
        for (var connection = idle.poll(); connection != null; connection = idle.poll()) {
            if (System.nanoTime() - connection.idleSince < MAX_IDLE_NANOS) {
                return connection;
            }
            connection.close();
        }
        var socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(server, connectTimeoutMillis);
            socket.setSoTimeout(answerTimeoutMillis);
            return new Connection(socket);
        } catch (IOException failed) {
            socket.close();
            var refused = new ConnectException("cannot connect to " + server + ": " + failed.getMessage());
            refused.initCause(failed);
            throw refused; // a connect time-out too: the server's socket did not take the request
        }
    }

    private record Answer(int status, boolean keepAlive) {}

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final StringBuilder line = new StringBuilder(128);
        private long idleSince;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 4096);
            this.out = socket.getOutputStream();
        }

        void write(byte[] head, byte[] body) throws IOException {
            byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            var request = new byte[head.length + length.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(length, 0, request, head.length, length.length);
            System.arraycopy(body, 0, request, head.length + length.length, body.length);
            out.write(request);
            out.flush();
        }

        Answer readAnswer() throws IOException {
            String statusLine = readLine();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new ProtocolException("not an HTTP/1.x status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine, 9, 12, 10);
            boolean keepAlive = statusLine.startsWith("HTTP/1.1");
            long contentLength = -1;
            boolean chunked = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" ->
                        keepAlive = keepAlive ? !value.contains("close") : value.contains("keep-alive");
                    default -> {}
                }
            }
            if (chunked) {
                skipChunks();
            } else if (contentLength >= 0) {
                skip(contentLength);
            } else if (status >= 200 && status != 204 && status != 304) {
                keepAlive = false; // the body runs to the end of the connection: it is not read, the socket closed
            }
            return new Answer(status, keepAlive);
        }

        private void skipChunks() throws IOException {
            for (long size = chunkSize(readLine()); size > 0; size = chunkSize(readLine())) {
                skip(size + 2); // the chunk and its CRLF
            }
            for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                // trailers are not used
            }
        }

        private static long chunkSize(String line) {
            int extension = line.indexOf(';');
            return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("the connection closed inside an answer's body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        /** One header line without its CRLF (ISO-8859-1, as HTTP/1.1 headers are read). */
        private String readLine() throws IOException {
            line.setLength(0);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the connection closed before the answer was complete");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
    }
}
