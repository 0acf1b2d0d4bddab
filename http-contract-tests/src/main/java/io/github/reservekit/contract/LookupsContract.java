package io.github.reservekit.contract;

import static io.github.reservekit.contract.ContractFixtures.newResource;
import static io.github.reservekit.contract.ContractFixtures.placement;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The reads of CONTRACT.md section 3, black-box, as every shell runs them (through {@link HttpContractSuite}): a
 * reservation by its id, and a resource's reservations in order of start.
 */
public interface LookupsContract extends ShellContract {

    @Test
    default void a_placed_reservation_can_be_read_back() {
        var created = placed(placement(newResource(), 19, 21)).json();

        var read = api().get("/reservations/" + created.path("id").asText());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
    }

    @Test
    default void a_resource_lists_its_reservations_ordered_by_start() {
        var resource = newResource();
        var late = placed(placement(resource, 22, 23)).json();
        var early = placed(placement(resource, 8, 9)).json();
        var middle = placed(placement(resource, 12, 13)).json();
        placed(placement(newResource(), 12, 13));

        var list = api().get("/reservations?resourceId=" + resource);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.mediaType()).isEqualTo("application/json");
        assertThat(list.json()).containsExactly(early, middle, late);
    }

    @Test
    default void a_resource_without_reservations_lists_an_empty_array() {
        var list = api().get("/reservations?resourceId=" + newResource());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.json()).isEmpty();
    }
}
