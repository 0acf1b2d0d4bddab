package io.github.reservekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.reservekit.benchmarks.OpenLoop.Outcome;
import io.github.reservekit.benchmarks.OpenLoop.Phase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    @Test
    void requests_are_due_on_the_schedule_of_their_phase_one_phase_after_the_other() {
        var run = OpenLoop.run(
                List.of(new Phase("slow", 100, Duration.ofMillis(100)), new Phase("fast", 1000, Duration.ofMillis(20))),
                Duration.ofSeconds(5),
                OpenLoop.Request.blocking(index -> index));

        assertThat(run.outcomes()).hasSize(10 + 20);
        assertThat(run.outcomes().get(3).dueNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(run.outcomes().get(12).dueNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(102));
        assertThat(run.outcomes().get(12).phase().name()).isEqualTo("fast");
        assertThat(run.outcomes()).allMatch(Outcome::succeeded);
        assertThat(run.outcomes())
                .allSatisfy(outcome -> assertThat(outcome.answer()).isEqualTo(outcome.index()));
        assertThat(run.dueIn(0, TimeUnit.MILLISECONDS.toNanos(100))).hasSize(10);
    }

    @Test
    void latency_counts_from_the_due_time_so_a_stalled_request_delays_none_that_follow() {
        var lastSent = new CountDownLatch(1);
        var run = OpenLoop.run(
                Phase.of(100, Duration.ofMillis(100)), Duration.ofSeconds(5), OpenLoop.Request.blocking(index -> {
                    if (index == 0) {
                        // stalled until the last request of the phase was sent: only a schedule that does not wait
                        // for answers gets there
                        lastSent.await();
                    } else if (index == 9) {
                        lastSent.countDown();
                    }
                    return index;
                }));

        assertThat(run.outcomes().getFirst().answered())
                .as("the stalled request got its answer once the last one was sent")
                .isTrue();
        assertThat(run.outcomes().getFirst().latencyNanos())
                .isGreaterThanOrEqualTo(run.outcomes().get(9).dueNanos());
        assertThat(run.outcomes().get(1).answeredNanos())
                .as("the next request was sent when due, not after the stalled one")
                .isLessThan(run.outcomes().getFirst().answeredNanos());
    }

    @Test
    void a_failed_request_is_answered_with_its_failure_and_one_never_answered_is_unanswered() {
        var never = new CompletableFuture<Integer>();
        var run = OpenLoop.run(Phase.of(100, Duration.ofMillis(30)), Duration.ofMillis(200), index -> switch (index) {
            case 0 -> CompletableFuture.failedFuture(new IllegalStateException("refused"));
            case 1 -> never;
            default -> CompletableFuture.completedFuture(index);
        });

        assertThat(run.outcomes().get(0).failure()).hasMessage("refused");
        assertThat(run.outcomes().get(0).succeeded()).isFalse();
        assertThat(run.outcomes().get(1).answered()).isFalse();
        assertThat(run.outcomes().get(2).succeeded()).isTrue();
        assertThat(run.endNanos()).isGreaterThan(run.outcomes().get(2).dueNanos());
    }

    @Test
    void latencies_are_percentiles_in_milliseconds_within_a_tenth_of_a_percent() {
        var latencies = Latencies.of(LongStream.rangeClosed(1, 1000).map(ms -> TimeUnit.MILLISECONDS.toNanos(ms)));

        assertThat(latencies.count()).isEqualTo(1000);
        assertThat(latencies.p50()).isCloseTo(500, within(0.5));
        assertThat(latencies.p99()).isCloseTo(990, within(1.0));
        assertThat(latencies.max()).isCloseTo(1000, within(1.0));
        assertThat(latencies.mean()).isCloseTo(500.5, within(0.5));
        assertThat(Latencies.of(LongStream.empty()).p99()).isNaN();
    }
}
