package io.github.reservekit.http;

import io.github.reservekit.reservation.application.port.in.WriteLoadQuery;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The write requests a server is serving now, from their headers to their answer, held to this instance's bound on
 * writes in flight ({@link WriteLoadQuery#writeBound()}): the early refusal for a server that serves a request on one
 * thread from its filters to its answer (spring-app).
 *
 * <p>Why count rather than only ask {@link WriteLoadQuery#writesAtLimit()}: between the moment a request passes the
 * early check and the moment the core admits it, its body is read and the request routed; under a burst, on a busy
 * machine, that takes long enough for every request arriving while one write's place is free to pass the check, and
 * all but one of them were then refused by the core, each at the price of a whole parsed, routed request whose
 * exception became a problem (spring-app, 1,000 POSTs/s: the early check passed most requests, 22 % of the request
 * threads' CPU went to resolving the core's refusals). Counted here, those requests hold their place from the start,
 * and the excess is refused before its body is read. Every write the core admits is among those counted, so the
 * count reaches the bound no later than the writes in flight do.
 *
 * <p>Thread-safe.
 */
public final class WritesInProgress {

    private final WriteLoadQuery writeLoad;
    private final AtomicInteger serving = new AtomicInteger();

    public WritesInProgress(WriteLoadQuery writeLoad) {
        this.writeLoad = writeLoad;
    }

    /**
     * Counts one more write request in progress, unless this instance already serves as many as its bound, or its
     * writes in flight (some of which may not come through this server) are at the bound.
     *
     * @return true when the request may go on: the caller must then call {@link #finished()} exactly once, when it
     *     is answered; false when it is to be refused ({@link EarlyWriteRefusal})
     */
    public boolean tryStart() {
        if (writeLoad.writesAtLimit()) {
            return false;
        }
        int bound = writeLoad.writeBound();
        for (int now = serving.get(); now < bound; now = serving.get()) {
            if (serving.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    /** One write request started by {@link #tryStart()} has its answer. */
    public void finished() {
        serving.decrementAndGet();
    }

    /** The write requests in progress now. */
    public int serving() {
        return serving.get();
    }
}
