package dev.racetest.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.racetest.fixtures.instrument.ThreadQueryFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run {@link ThreadQueryFixture} rewritten, with the answers of an {@link AnsweringHandler} and without one. */
class ThreadQueryRewriterTests {

    @Test
    void stateAndIdComeFromTheHandlerThroughThreadAndSubclasses() throws Exception {
        Class<?> fixture = Fixtures.newLoader().loadClass(ThreadQueryFixture.class.getName());
        AnsweringHandler handler = new AnsweringHandler();
        handler.threadState = Thread.State.WAITING;
        handler.threadId = 3;

        Object answers = handler.call(() -> fixture.getMethod("query", Thread.class).invoke(null, Thread.currentThread()));

        assertThat(answers).isEqualTo(List.of(Thread.State.WAITING, 3L, 3L, Thread.State.WAITING, 3L, 3L));
    }

    @Test
    void methodReferencesGetTheHandlersAnswers() throws Exception {
        Class<?> fixture = Fixtures.newLoader().loadClass(ThreadQueryFixture.class.getName());
        AnsweringHandler handler = new AnsweringHandler();
        handler.threadState = Thread.State.WAITING;
        handler.threadId = 3;

        Object answers = handler.call(() -> fixture.getMethod("references", Thread.class)
                .invoke(null, Thread.currentThread()));

        assertThat(answers).isEqualTo(List.of(Thread.State.WAITING, 3L, Thread.State.WAITING));
    }

    @Test
    void uncontrolledThreadsGetTheJvmsAnswers() throws Exception {
        Class<?> fixture = Fixtures.newLoader().loadClass(ThreadQueryFixture.class.getName());
        Thread current = Thread.currentThread();

        List<?> answers = (List<?>) fixture.getMethod("query", Thread.class).invoke(null, current);

        assertThat(answers.subList(0, 3)).isEqualTo(List.of(Thread.State.RUNNABLE, current.threadId(), current.threadId()));
        assertThat(answers.get(3)).isEqualTo(Thread.State.NEW);
        assertThat(answers.get(4)).isEqualTo(answers.get(5)).isNotEqualTo(current.threadId());
    }
}
