package io.github.reservekit.reservation.application.port.in;

/**
 * Whether this instance takes more writes now: asked by a server before it reads a write's body, so that under a
 * burst the excess is refused for the price of a header (the core's admission still decides every write that gets
 * past it).
 */
@FunctionalInterface
public interface WriteLoadQuery {

    /**
     * @return true while the writes in flight are at the bound of the admission control, so that a write asked now
     *     would most likely be refused; false without a bound
     */
    boolean writesAtLimit();

    /**
     * @return how many writes this instance takes in flight now ({@link
     *     io.github.reservekit.reservation.application.port.out.WriteAdmission#bound()}); {@link Integer#MAX_VALUE}
     *     without a bound (the default)
     */
    default int writeBound() {
        return Integer.MAX_VALUE;
    }
}
