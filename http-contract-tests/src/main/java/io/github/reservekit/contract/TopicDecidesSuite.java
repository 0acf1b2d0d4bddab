package io.github.reservekit.contract;

/**
 * CONTRACT.md versions 2 and 3, black-box: three instances of a shell on one topic behave as one (the topic decides).
 * Every answer comes from the fold; reads reflect every write acknowledged before they began. The races are grouped
 * by theme: {@link SlotRacesContract}, {@link ConditionalRacesContract}, {@link ReadYourWritesContract}.
 */
public abstract class TopicDecidesSuite extends SystemOfRecordSuite
        implements SlotRacesContract, ConditionalRacesContract, ReadYourWritesContract {

    /** As {@link SystemOfRecordSuite#SystemOfRecordSuite(ShellPaths, ShellStarter)}. */
    protected TopicDecidesSuite(ShellPaths paths, ShellStarter starter) {
        super(paths, starter);
    }
}
