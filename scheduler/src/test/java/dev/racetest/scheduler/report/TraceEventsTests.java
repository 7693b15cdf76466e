package dev.racetest.scheduler.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.sample.RacePrograms;
import dev.racetest.scheduler.ExplorationSettings;
import dev.racetest.scheduler.Explorer;
import dev.racetest.scheduler.Failure;
import dev.racetest.scheduler.Outcome;
import dev.racetest.scheduler.Schedule;
import dev.racetest.scheduler.TraceStep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The trace-event JSON, read back with a real JSON parser and checked against what Perfetto's
 * importer needs: the object form, known phases, integer process and thread ids, named threads,
 * complete events with non-negative times that do not overlap on a thread.
 */
class TraceEventsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Failure failure(Outcome outcome, List<TraceStep> trace) {
        return new Failure(0, 42, outcome, new Schedule(42, new int[] {0, 2, 1}), trace, trace.size(), null);
    }

    /** Parses {@code json} and asserts the schema; returns the parsed tree. */
    static JsonNode assertValidTrace(String json) throws Exception {
        JsonNode root = JSON.readTree(json);
        assertThat(root.isObject()).as("a JSON object").isTrue();
        assertThat(root.get("traceEvents")).as("traceEvents").isNotNull();
        assertThat(root.get("traceEvents").isArray()).isTrue();
        Set<Integer> named = new HashSet<>();
        Set<Integer> used = new HashSet<>();
        Map<Integer, List<long[]>> slices = new HashMap<>();
        for (JsonNode event : root.get("traceEvents")) {
            assertThat(event.path("ph").asText()).as("phase of %s", event).isIn("M", "X", "i");
            assertThat(event.path("pid").isIntegralNumber()).as("integer pid in %s", event).isTrue();
            assertThat(event.path("tid").isIntegralNumber()).as("integer tid in %s", event).isTrue();
            assertThat(event.path("name").isTextual()).as("string name in %s", event).isTrue();
            int tid = event.get("tid").intValue();
            switch (event.get("ph").asText()) {
                case "M" -> {
                    if (event.get("name").asText().equals("thread_name")) {
                        assertThat(event.path("args").path("name").isTextual()).as("args.name in %s", event).isTrue();
                        named.add(tid);
                    }
                }
                case "X" -> {
                    assertThat(event.path("ts").isNumber() && event.get("ts").asDouble() >= 0).as("ts of %s", event).isTrue();
                    assertThat(event.path("dur").isNumber() && event.get("dur").asDouble() >= 0).as("dur of %s", event).isTrue();
                    used.add(tid);
                    slices.computeIfAbsent(tid, ignored -> new ArrayList<>())
                            .add(new long[] {event.get("ts").longValue(), event.get("dur").longValue()});
                }
                default -> {
                    assertThat(event.path("ts").isNumber() && event.get("ts").asDouble() >= 0).as("ts of %s", event).isTrue();
                    assertThat(event.path("s").asText()).as("scope of %s", event).isIn("g", "p", "t");
                    used.add(tid);
                }
            }
        }
        assertThat(named).as("threads named by metadata").containsAll(used);
        slices.forEach((tid, list) -> {
            list.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i - 1)[0] + list.get(i - 1)[1]).as("slices of tid %s do not overlap", tid)
                        .isLessThanOrEqualTo(list.get(i)[0]);
            }
        });
        return root;
    }

    @Test
    void thePayoutTraceHasATrackPerThreadASlicePerStepAndTheFailureAsAnInstant() throws Exception {
        Failure failure = failure(Traces.payoutRace(), Traces.payout());

        JsonNode root = assertValidTrace(TraceEvents.json(failure, "PayoutRaceTest#balanceNeverGoesNegative"));

        assertThat(root.get("displayTimeUnit").asText()).isEqualTo("ns");
        assertThat(root.at("/otherData/clock").asText()).startsWith("logical");
        assertThat(root.at("/otherData/kind").asText()).isEqualTo("DataRace");
        assertThat(root.at("/otherData/replay").asText()).isEqualTo(failure.schedule().token());
        List<JsonNode> events = new ArrayList<>();
        root.get("traceEvents").forEach(events::add);
        assertThat(events).filteredOn(e -> e.get("name").asText().equals("thread_name"))
                .extracting(e -> e.at("/args/name").asText() + "@" + e.get("tid").intValue())
                .containsExactly("T0 main@1", "T1 payout-alice@2", "T2 payout-bob@3");
        List<JsonNode> slices = events.stream().filter(e -> e.get("ph").asText().equals("X")).toList();
        assertThat(slices).hasSize(10);
        JsonNode write = slices.get(8);
        assertThat(write.get("name").asText()).isEqualTo("write PayoutService.balance of PayoutService#1");
        assertThat(write.get("cat").asText()).isEqualTo("write");
        assertThat(write.get("ts").longValue()).isEqualTo(9);
        assertThat(write.get("tid").intValue()).isEqualTo(3);
        assertThat(write.at("/args/location").asText()).isEqualTo("PayoutService.payout(PayoutService.java:18)");
        assertThat(write.at("/args/step").intValue()).isEqualTo(9);
        List<JsonNode> instants = events.stream().filter(e -> e.get("ph").asText().equals("i")).toList();
        assertThat(instants).extracting(e -> e.get("s").asText() + "@" + e.get("ts").longValue() + "/" + e.get("tid").intValue())
                .containsExactly("t@9/3", "g@10/2");
        assertThat(instants.get(1).get("name").asText()).startsWith("data race on PayoutService.balance");
    }

    @Test
    void textsThatNeedEscapingSurviveTheRoundTrip() throws Exception {
        String operation = "calls Map.put \"key\\with\ttab\"\nand a line";
        List<TraceStep> trace = List.of(new TraceStep(1, 0, "main \"quoted\"", operation, "A.b(A.java:1)"));
        Failure failure = failure(new Outcome.CannotContinue("stopped"), trace);

        JsonNode root = assertValidTrace(TraceEvents.json(failure, "T#m"));

        List<JsonNode> events = new ArrayList<>();
        root.get("traceEvents").forEach(events::add);
        assertThat(events).filteredOn(e -> e.get("ph").asText().equals("X")).singleElement()
                .satisfies(e -> assertThat(e.get("name").asText()).isEqualTo(operation));
        assertThat(events).filteredOn(e -> e.get("name").asText().equals("thread_name")).singleElement()
                .satisfies(e -> assertThat(e.at("/args/name").asText()).isEqualTo("T0 main \"quoted\""));
    }

    @Test
    void aRealFailingTraceIsValid() throws Exception {
        ExplorationSettings settings = ExplorationSettings.defaults().withSeed(7).withMaxExecutions(300)
                .withTimeBudget(Duration.ofSeconds(30));
        Failure failure = Explorer.explore(settings, RacePrograms.unsynchronisedWriteRead()).failure().orElseThrow();

        JsonNode root = assertValidTrace(TraceEvents.json(failure, "RacePrograms#unsynchronisedWriteRead"));

        long slices = 0;
        for (JsonNode event : root.get("traceEvents")) {
            slices += event.get("ph").asText().equals("X") ? 1 : 0;
        }
        assertThat(failure.trace()).isNotEmpty();
        assertThat(slices).isEqualTo(failure.trace().size());
    }
}
