package io.github.reservekit.springboot.autoconfigure.web;

import io.github.reservekit.http.EventView;
import io.github.reservekit.http.RecentEvents;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /reservations/events?after=N}: the events the listener saw after sequence N, oldest first. */
@RestController
class EventViewController {

    private final RecentEvents recentEvents;

    EventViewController(RecentEvents recentEvents) {
        this.recentEvents = recentEvents;
    }

    @GetMapping(path = "/reservations/events", produces = MediaType.APPLICATION_JSON_VALUE)
    List<EventView> events(@RequestParam(defaultValue = "0") long after) {
        return recentEvents.after(after);
    }
}
