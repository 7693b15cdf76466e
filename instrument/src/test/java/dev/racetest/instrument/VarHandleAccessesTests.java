package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.VarHandleShapes;
import dev.racetest.instrument.hooks.Hooks;

import org.junit.jupiter.api.Test;

/**
 * What a {@code VarHandle} call becomes at run time: a plain or volatile access of the static field it
 * names, a plain access of the array element it names (an ordered or atomic one is an atomic operation
 * on the whole array), and a library call for a view handle, whose variable racetest does not model.
 */
class VarHandleAccessesTests {

    private final InstrumentingClassLoader loader = Fixtures.newLoader();
    private final RecordingHandler recorder = new RecordingHandler();

    @Test
    void eachShapeOfHandleIsTheAccessItStandsFor() throws Exception {
        Object fixture = Class.forName(VarHandleShapes.class.getName(), true, loader).getConstructor().newInstance();

        Hooks.bind(recorder);
        Object result;
        try {
            result = fixture.getClass().getMethod("shapes").invoke(fixture);
        } finally {
            Hooks.unbind();
        }

        assertThat(result).isEqualTo(5L + 7L + 8L);
        assertThat(recorder.lines()).containsExactly(
                "FIELD_WRITE VarHandleShapes.total @" + line("static-set"),
                "VOLATILE_READ VarHandleShapes.total @" + line("static-acquire"),
                "ARRAY_WRITE long[] @" + line("element-set"),
                "ATOMIC long[] @" + line("element-add"),
                "LIBRARY_CALL VarHandle.set @" + line("view-set"),
                "ARRAY_READ long[] @" + line("return"));
        assertThat(recorder.events().get(0).subject()).as("a static field has no owner").isNull();
        assertThat(recorder.events().get(2).subject()).isInstanceOf(long[].class);
    }

    private static int line(String marker) {
        return Fixtures.line(VarHandleShapes.class, marker);
    }
}
