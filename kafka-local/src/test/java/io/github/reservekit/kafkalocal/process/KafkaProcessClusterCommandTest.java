package io.github.reservekit.kafkalocal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaProcessClusterCommandTest {

    @Test
    void options_may_come_before_or_after_the_command() {
        CommandOptions o = CommandOptions.parse(
                new String[] {"--data-dir", "/tmp/k", "start", "--detach", "--brokers", "1", "--timeout", "30"});
        assertThat(o.subcommand).isEqualTo("start");
        assertThat(o.detach).isTrue();
        assertThat(o.brokers).isEqualTo(1);
        assertThat(o.timeout).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.dataDir).isEqualTo(Path.of("/tmp/k"));
    }

    @Test
    void broker_commands_take_exactly_one_broker_number() {
        assertThat(CommandOptions.parse(new String[] {"kill-broker", "2"}).nodeId())
                .isEqualTo(2);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandOptions.parse(new String[] {"kill-broker"}))
                .withMessageContaining("needs one broker number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandOptions.parse(new String[] {"stop", "2"}))
                .withMessageContaining("unexpected argument 2");
    }

    @Test
    void bad_numbers_and_unknown_options_are_usage_errors() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandOptions.parse(new String[] {"start", "--base-port", "70000"}))
                .withMessageContaining("port number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandOptions.parse(new String[] {"start", "--brokers", "zero"}))
                .withMessageContaining("positive number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandOptions.parse(new String[] {"start", "--brokrs", "3"}))
                .withMessageContaining("unknown option --brokrs");
    }

    @Test
    void a_usage_error_exits_with_2_and_says_how_to_get_help() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new KafkaProcessClusterCommand(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"start", "--brokers"});
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--brokers needs a value", "help");
    }

    @Test
    void the_default_layout_is_the_seed_s_cluster() {
        ClusterLayout layout = ClusterLayout.consecutive("MkU3OEVBNTcwNTJENDM2Qg", 3, 9092, 10092, "reserve", 3);
        assertThat(layout.bootstrapServers()).isEqualTo("localhost:9092,localhost:9093,localhost:9094");
        assertThat(layout.quorumVoters()).isEqualTo("1@127.0.0.1:10092,2@127.0.0.1:10093,3@127.0.0.1:10094");
        assertThat(layout.replicationFactor()).isEqualTo((short) 3);
        assertThat(layout.minInsyncReplicas()).isEqualTo(2);
    }

    @Test
    void a_single_broker_gets_replication_factor_and_min_isr_1() {
        ClusterLayout layout = ClusterLayout.consecutive("MkU3OEVBNTcwNTJENDM2Qg", 1, 9092, 10092, "reserve", 3);
        assertThat(layout.replicationFactor()).isEqualTo((short) 1);
        assertThat(layout.minInsyncReplicas()).isEqualTo(1);
    }

    @Test
    void overlapping_ports_are_rejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClusterLayout.consecutive("MkU3OEVBNTcwNTJENDM2Qg", 3, 9092, 9093, "reserve", 3))
                .withMessageContaining("ports must all differ");
    }
}
