package dev.racetest.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValuesTests {

    @ParameterizedTest
    @CsvSource({"500ms, 500", "10s, 10000", "2m, 120000", "1h, 3600000", "PT10S, 10000", "pt0.5s, 500", " 10 s , 10000"})
    void durationsInShortAndIsoForm(String text, long millis) {
        assertThat(Values.duration(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "ten seconds", "0s", "-5s", "PT-1S", "10d", "P"})
    void malformedOrNonPositiveDurations(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Values.duration(text)).withMessage(null);
    }

    @Test
    void seedsInDecimalAndHex() {
        assertThat(Values.seed("42")).isEqualTo(42L);
        assertThat(Values.seed("-7")).isEqualTo(-7L);
        assertThat(Values.seed("0x5EED_2026")).isEqualTo(0x5EED_2026L);
        assertThat(Values.seed("0xFFFFFFFFFFFFFFFF")).isEqualTo(-1L);
        assertThat(Values.isRandomSeed(" Random ")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x", "0x-1", "12ab", "99999999999999999999", "random!"})
    void malformedSeeds(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Values.seed(text));
    }

    @Test
    void countsAreAtLeastOne() {
        assertThat(Values.count("1_000")).isEqualTo(1000);
        assertThatIllegalArgumentException().isThrownBy(() -> Values.count("0"));
        assertThatIllegalArgumentException().isThrownBy(() -> Values.count("1e3"));
    }

    @Test
    void prefixesAreCommaSeparatedNames() {
        assertThat(Values.prefixes("com.acme., org.example.Cache ,,")).containsExactly("com.acme.", "org.example.Cache");
        assertThatIllegalArgumentException().isThrownBy(() -> Values.prefixes("com/acme"));
    }

    @Test
    void replayTargetsSplitAtTheFirstHashAndTheFollowingColon() {
        assertThat(ReplayTarget.parse("com.acme.BankTests#transfer():rt1.AQID"))
                .isEqualTo(new ReplayTarget("com.acme.BankTests", "transfer", "rt1.AQID"));
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayTarget.parse("rt1.AQID"));
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayTarget.parse("#m:rt1.AQID"));
        assertThatIllegalArgumentException().isThrownBy(() -> ReplayTarget.parse("a.B#m:"));
    }
}
