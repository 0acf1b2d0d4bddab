package io.github.reservekit.contract;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP contract of CONTRACT.md, with the events of section 2 each request must (or must not) cause, as
 * black-box tests: they speak only HTTP to a running shell and read the topic with a plain consumer. A shell's test
 * extends this class and registers its {@link ShellUnderTest} (the extension that gives the suite its {@link
 * ContractTarget}); the suite is the same for all. Each concern is one
 * interface of tests: {@link WritesContract}, {@link LookupsContract}, {@link RefusalsContract}, {@link
 * DocumentsContract}, {@link OperationsContract}, and those of version 3 ({@link ReadsContract}, {@link
 * VersionsContract}, {@link HoldsContract}, {@link MovesContract}, {@link ResourcesContract}).
 *
 * <p>Each test uses its own resource ids, so tests are independent of each other and of what else is on the
 * topic, and the shell may be started once for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpContractSuite
        implements WritesContract,
                LookupsContract,
                RefusalsContract,
                DocumentsContract,
                OperationsContract,
                ReadsContract,
                VersionsContract,
                HoldsContract,
                MovesContract,
                ResourcesContract {

    private ContractTarget target;
    private ApiClient api;
    private TopicProbe topic;

    /** Takes the shell under test from the test class's extension, once it has started it. */
    @BeforeAll
    void aimAt(ContractTarget target) {
        this.target = target;
    }

    @Override
    public final ContractTarget target() {
        return target;
    }

    /** A client whose every response is checked against the OpenAPI document, so the two cannot drift apart. */
    @Override
    public final ApiClient api() {
        if (api == null) {
            var openApi = new OpenApiContract(List.of(target().healthPath(), target().metricsPath()));
            api = new ApiClient(target().baseUri(), openApi::check);
        }
        return api;
    }

    @Override
    public final TopicProbe topic() {
        if (topic == null) {
            topic = new TopicProbe(target().bootstrapServers(), target().topic());
        }
        return topic;
    }

    @AfterAll
    void closeTopicProbe() {
        if (topic != null) {
            topic.close();
        }
    }
}
