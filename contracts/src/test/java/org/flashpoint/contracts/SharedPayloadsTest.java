package org.flashpoint.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Incidents and indicators written again reuse their bytes, inside a dyad update too, with identical output. */
class SharedPayloadsTest {

    private final Incident incidentExample = SchemaExamples.first("incident.schema.json", Incident.class);
    private final DyadUpdate update = new DyadUpdate(incidentExample.dyad(), "article-1", incidentExample.lastSeen(),
            List.of(incidentExample), List.of(SchemaExamples.first("dyad-indicator.schema.json", DyadIndicator.class)));

    @Test
    void an_incident_or_indicator_written_twice_by_a_thread_is_written_once() {
        Incident incident = update.incidents().get(0);
        DyadIndicator indicator = update.indicators().get(0);

        assertThat(Json.write(incident)).isSameAs(Json.write(incident));
        assertThat(Json.write(indicator)).isSameAs(Json.write(indicator));
        assertThat(Json.write(update)).as("a dyad update is not shared").isNotSameAs(Json.write(update));
    }

    @Test
    void a_dyad_update_copying_its_incidents_and_indicators_is_the_json_written_without_copies() throws Exception {
        // A new thread has written nothing yet, so it writes every nested record itself.
        byte[] alone = CompletableFuture.supplyAsync(() -> Json.write(update), r -> new Thread(r).start()).get();
        update.incidents().forEach(Json::write);
        update.indicators().forEach(Json::write);

        assertThat(new String(Json.write(update), StandardCharsets.UTF_8))
                .isEqualTo(new String(alone, StandardCharsets.UTF_8));
        assertThat(Json.read(Json.write(update), DyadUpdate.class)).isEqualTo(update);
    }

    @Test
    void a_dyad_update_copies_the_bytes_remembered_for_its_incidents() {
        SharedPayloads.remember(update.incidents().get(0), "{\"copied\":true}".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(Json.write(update), StandardCharsets.UTF_8)).contains("\"incidents\":[{\"copied\":true}]");
    }

    @Test
    void state_written_after_a_published_copy_keeps_its_own_format() {
        Incident incident = update.incidents().get(0);
        Json.write(incident);

        byte[] state = JsonSerde.forState(Incident.class).serializer().serialize("t", incident);

        assertThat(new String(state, StandardCharsets.UTF_8)).doesNotContain(incident.firstSeen().toString())
                .contains(String.valueOf(incident.firstSeen().getEpochSecond()));
        assertThat(JsonSerde.forState(Incident.class).deserializer().deserialize("t", state)).isEqualTo(incident);
    }
}
