package dev.racetest.scheduler.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.racetest.scheduler.Schedule;

import org.junit.jupiter.api.Test;

class ScheduleCodecTests {

    @Test
    void roundTripsSeedAndChoicesIncludingMultiByteThreadIds() {
        Schedule schedule = new Schedule(-7L, new int[] {0, 1, 2, 127, 128, 300, 70_000, 1});

        Schedule decoded = Schedule.parse(schedule.token());

        assertThat(decoded).isEqualTo(schedule);
        assertThat(decoded.executionSeed()).isEqualTo(-7L);
        assertThat(decoded.length()).isEqualTo(8);
        assertThat(schedule.token()).startsWith("rt1.").doesNotContain("=", "+", "/");
    }

    @Test
    void emptyScheduleRoundTrips() {
        Schedule empty = new Schedule(42, new int[0]);
        assertThat(Schedule.parse(empty.token())).isEqualTo(empty);
    }

    @Test
    void truncatedTokenIsRejectedWithOneSentence() {
        String token = new Schedule(1, new int[] {1, 0, 1, 0, 1, 0}).token();
        assertThatThrownBy(() -> Schedule.parse(token.substring(0, token.length() - 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not valid because")
                .hasMessageEndingWith(": copy the whole token from the failure report");
    }

    @Test
    void alteredTokenFailsTheChecksum() {
        String token = new Schedule(1, new int[] {1, 0, 1, 0, 1, 0}).token();
        char[] chars = token.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> Schedule.parse(new String(chars)))
                .hasMessageContaining("checksum does not match");
    }

    @Test
    void foreignTextIsRejected() {
        assertThatThrownBy(() -> Schedule.parse("12345")).hasMessageContaining("does not start with 'rt1.'");
        assertThatThrownBy(() -> Schedule.parse("rt1.***")).hasMessageContaining("characters that are not part of a token");
        assertThatThrownBy(() -> Schedule.parse(" ")).hasMessageContaining("it is empty");
    }
}
