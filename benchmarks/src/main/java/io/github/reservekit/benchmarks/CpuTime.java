package io.github.reservekit.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * CPU time used so far by the broker processes (when this run started them) and by this JVM (Kafka clients, the
 * core, the load generator): per slice, it tells which phase costs the shared cores what.
 */
record CpuTime(long brokerNanos, long thisJvmNanos) {

    static CpuTime now(List<Long> brokerPids) {
        long brokers = 0;
        for (long pid : brokerPids) {
            brokers += ProcessHandle.of(pid)
                    .flatMap(process -> process.info().totalCpuDuration())
                    .map(Duration::toNanos)
                    .orElse(0L);
        }
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuTime(brokers, os.getProcessCpuTime());
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(brokerNanos - earlier.brokerNanos, thisJvmNanos - earlier.thisJvmNanos);
    }

    CpuTime plus(CpuTime other) {
        return new CpuTime(brokerNanos + other.brokerNanos, thisJvmNanos + other.thisJvmNanos);
    }
}
