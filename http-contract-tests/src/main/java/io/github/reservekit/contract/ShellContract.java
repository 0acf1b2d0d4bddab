package io.github.reservekit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.reservekit.contract.ApiClient.Response;

/**
 * What every part of the HTTP contract suite speaks to: the shell under test, its API (every response checked
 * against the OpenAPI document) and its topic. {@link HttpContractSuite} provides them once; each part of the suite
 * is an interface of tests on one concern that extends this one.
 */
public interface ShellContract {

    /** The shell under test, started before the suite's tests. */
    ContractTarget target();

    /** The shell's API; every response is checked against the OpenAPI document. */
    ApiClient api();

    /** A reader of the shell's topic. */
    TopicProbe topic();

    /** Posts the placement and asserts it was made (201); returns the response. */
    default Response placed(PlacementJson placement) {
        var response = api().postJson("/reservations", placement.json());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }
}
