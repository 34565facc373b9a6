package org.flashpoint.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Step (5)'s ceiling: the times per article of the unavoidable steps add up on the shared machine. */
class PipelineFloorTest {

    @Test
    void three_steps_that_each_take_the_whole_machine_for_a_millisecond_leave_a_third_of_the_rate() {
        PipelineFloor floor = new PipelineFloor(1_000, 500, 2);
        assertThat(floor.articlesPerSecond(1_000)).isCloseTo(333.33, within(0.01));
    }

    @Test
    void the_one_thread_incident_step_is_spread_over_every_core() {
        assertThat(new PipelineFloor(1_000, 500, 4).articlesPerSecond(1_000)).isCloseTo(400, within(0.01));
    }

    @Test
    void a_free_step_adds_nothing_and_the_slowest_step_bounds_the_rate() {
        assertThat(new PipelineFloor(1_000, Double.POSITIVE_INFINITY, 2).articlesPerSecond(1_000)).isCloseTo(500, within(0.01));
        assertThat(new PipelineFloor(1_000, 1_000, 2).articlesPerSecond(Double.POSITIVE_INFINITY)).isCloseTo(666.67, within(0.01));
    }
}
