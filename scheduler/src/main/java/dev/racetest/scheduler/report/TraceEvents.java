package dev.racetest.scheduler.report;

import dev.racetest.scheduler.Failure;
import dev.racetest.scheduler.TraceStep;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a failing trace in the Chrome trace-event JSON format, which https://ui.perfetto.dev (and
 * {@code chrome://tracing}) open: one track per thread, one slice per step, an instant event where
 * the failure showed. The whole trace goes in, unfolded, for traces too long to read as text.
 *
 * <p>Time is logical: a step's timestamp is its number in microseconds and it lasts one, so a
 * thread's slices never overlap and the gaps in a track are the steps other threads took. Thread
 * {@code Tn} is track {@code n + 1} of process 1, because trace viewers take thread and process 0 for
 * the system's idle task.
 */
public final class TraceEvents {

    private static final int PID = 1;

    private TraceEvents() {
    }

    /**
     * Returns the JSON object {@code {"traceEvents":[...], "displayTimeUnit":"ns", "otherData":{...}}}.
     *
     * @param failure the failure, whose trace and outcome are drawn
     * @param test    the test's name, such as {@code com.acme.PayoutRaceTest#balanceNeverGoesNegative}
     */
    public static String json(Failure failure, String test) {
        List<TraceStep> trace = failure.trace();
        FailureMarks marks = FailureMarks.of(failure.outcome(), trace);
        Map<Integer, String> threads = new TreeMap<>();
        for (TraceStep step : trace) {
            threads.putIfAbsent(step.threadId(), "T" + step.threadId() + " " + step.threadName());
        }
        StringBuilder out = new StringBuilder(256 + trace.size() * 160);
        JsonWriter json = new JsonWriter(out);
        json.beginObject().name("traceEvents").beginArray();
        int firstTid = threads.isEmpty() ? 1 : tid(threads.keySet().iterator().next());
        json.newline().beginObject().name("ph").value("M").name("name").value("process_name")
                .name("pid").value(PID).name("tid").value(firstTid)
                .name("args").beginObject().name("name").value("racetest " + test).endObject().endObject();
        for (Map.Entry<Integer, String> thread : threads.entrySet()) {
            int tid = tid(thread.getKey());
            json.newline().beginObject().name("ph").value("M").name("name").value("thread_name")
                    .name("pid").value(PID).name("tid").value(tid)
                    .name("args").beginObject().name("name").value(thread.getValue()).endObject().endObject();
            json.newline().beginObject().name("ph").value("M").name("name").value("thread_sort_index")
                    .name("pid").value(PID).name("tid").value(tid)
                    .name("args").beginObject().name("sort_index").value(thread.getKey()).endObject().endObject();
        }
        for (TraceStep step : trace) {
            json.newline().beginObject().name("ph").value("X")
                    .name("name").value(step.operation())
                    .name("cat").value(StepText.kind(step.operation()))
                    .name("ts").value(step.index()).name("dur").value(1)
                    .name("pid").value(PID).name("tid").value(tid(step.threadId()))
                    .name("args").beginObject()
                    .name("step").value(step.index())
                    .name("location").value(step.location())
                    .endObject().endObject();
        }
        String headline = failure.outcome().headline();
        for (TraceStep step : trace) {
            if (marks.isFailing(step.index())) {
                instant(json, step, "g", headline, "the failure shows at this step");
            } else if (marks.isRelated(step.index())) {
                instant(json, step, "t", "racing access", "the earlier access of the data race");
            }
        }
        json.newline().endArray();
        json.name("displayTimeUnit").value("ns");
        json.newline().name("otherData").beginObject()
                .name("test").value(test)
                .name("failure").value(headline)
                .name("kind").value(failure.outcome().getClass().getSimpleName())
                .name("replay").value(failure.schedule().token())
                .name("totalSteps").value(String.valueOf(failure.totalSteps()))
                .name("clock").value("logical: a slice's ts is its step number in microseconds, not wall time")
                .endObject();
        json.endObject().newline();
        return out.toString();
    }

    /** Writes an instant event at {@code step}: scope {@code g} (global) spans all tracks, {@code t} one. */
    private static void instant(JsonWriter json, TraceStep step, String scope, String name, String meaning) {
        json.newline().beginObject().name("ph").value("i").name("s").value(scope)
                .name("name").value(name).name("cat").value("failure")
                .name("ts").value(step.index())
                .name("pid").value(PID).name("tid").value(tid(step.threadId()))
                .name("args").beginObject()
                .name("step").value(step.index())
                .name("location").value(step.location())
                .name("meaning").value(meaning)
                .endObject().endObject();
    }

    private static int tid(int threadId) {
        return threadId + 1;
    }
}
