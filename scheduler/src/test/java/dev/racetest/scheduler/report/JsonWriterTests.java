package dev.racetest.scheduler.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hand-written JSON writer: commas between members at every depth, and string escaping. */
class JsonWriterTests {

    @Test
    void putsCommasBetweenMembersAndNotAfterNames() {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginObject()
                .name("a").value(1)
                .name("b").beginArray().value("x").value(true).beginObject().endObject().beginArray().endArray().endArray()
                .name("c").value((String) null)
                .endObject();

        assertThat(out).hasToString("{\"a\":1,\"b\":[\"x\",true,{},[]],\"c\":null}");
    }

    @Test
    void aNewlineGoesAfterTheCommaBeforeTheNextMember() {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out).beginObject().name("events").beginArray()
                .newline().value(1).newline().value(2).newline().endArray()
                .newline().name("unit").value("ns").endObject().newline();

        assertThat(out).hasToString("{\"events\":[\n1,\n2\n],\n\"unit\":\"ns\"}\n");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersOnly() {
        assertThat(JsonWriter.quote("a\"b\\c\nd\re\tf\u0001g é"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g é\"");
    }
}
