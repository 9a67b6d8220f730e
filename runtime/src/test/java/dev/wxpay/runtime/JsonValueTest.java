package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.wxpay.runtime.spi.JsonAdapters;
import java.io.IOException;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonValueTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "12345678901234567890", "-12345678901234567890", "9223372036854775807", "-9223372036854775808",
      "0.10", "-0", "-0.0", "1e400", "1.0E+2", "2.50", "123456789012345678901234567890.000000000000000000001",
  })
  void numbersKeepTheirTextExactly(String number) throws IOException {
    assertEquals(number, JsonValue.parse(number).json());
    String inside = "{\"n\":" + number + ",\"list\":[" + number + "," + number + "]}";
    assertEquals(inside, JsonValue.parse(inside).json());
    JsonValue read = JsonValue.adapter().fromJson(inside);
    assertEquals(inside, JsonValue.adapter().toJson(read));
  }

  @Test
  void whitespaceIsDroppedAndOrderKept() {
    JsonValue value = JsonValue.parse(" {\n  \"b\" : [ 1 , 2.0 , { } , [ ] ],\t\"a\" : { \"c\" : null ,"
        + " \"d\" : true, \"d\": false } } ");

    assertEquals("{\"b\":[1,2.0,{},[]],\"a\":{\"c\":null,\"d\":true,\"d\":false}}", value.json());
  }

  @Test
  void anyValueButNullIsAJsonValue() {
    assertEquals("\"text\"", JsonValue.parse(" \"text\" ").json());
    assertEquals("true", JsonValue.parse("true").json());
    assertEquals("[null]", JsonValue.parse("[ null ]").json());
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> JsonValue.parse("null"));
    assertEquals("JSON null is not a JsonValue; a null JsonValue stands for it", thrown.getMessage());
  }

  @Test
  void stringsAreEscapedAsMoshiWritesThem() throws IOException {
    JsonValue value = JsonValue.parse("[\"q\\\"b\\\\s\\n\\r\\t\\b\\f\\u0001\\u001f\\u2028\\u2029\\u00e9\\/中\uD83D\uDE00\"]");
    String expected = "[\"q\\\"b\\\\s\\n\\r\\t\\b\\f\\u0001\\u001f\\u2028\\u2029é/中\uD83D\uDE00\"]";

    assertEquals(expected, value.json());
    String decoded = "q\"b\\s\n\r\t\b\f\u0001\u001f\u2028\u2029é/中\uD83D\uDE00";
    assertEquals("[" + JsonAdapters.STRING.toJson(decoded) + "]", value.json(), "the same text as Moshi's writer");
    assertEquals(List.of(decoded), value.decode(JsonAdapters.listOf(JsonAdapters.STRING)));
  }

  @Test
  void aLoneSurrogateStaysEscapedRatherThanBecomingAQuestionMark() {
    JsonValue value = JsonValue.parse("{\"\\ud800\":\"x\\udc00\"}");

    assertEquals("{\"\\ud800\":\"x\\udc00\"}", value.json());
    assertEquals(value, JsonValue.parse(value.json()));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "[1 2]", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{'a':1}", "{a:1}", "[1}", "[1", "tru", "01",
      "NaN", "1 2", "[1] x", "/*c*/1", "\"open",
  })
  void malformedJsonIsRefused(String json) {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> JsonValue.parse(json));

    assertTrue(thrown.getMessage().startsWith("not one"), thrown.getMessage());
    assertFalse(thrown.getMessage().contains("setLenient"), "advice that does not apply: " + thrown.getMessage());
  }

  @Test
  void aRawControlCharacterInAStringIsReadAndWrittenEscaped() {
    // Moshi's reader lets it through; the text kept is valid JSON all the same.
    assertEquals("[\"a\\tb\"]", JsonValue.parse("[\"a\tb\"]").json());
  }

  @Test
  void nestingIsBounded() {
    assertThrows(IllegalArgumentException.class, () -> JsonValue.parse("[".repeat(300) + "]".repeat(300)));
    assertEquals("[".repeat(200) + "]".repeat(200), JsonValue.parse("[".repeat(200) + "]".repeat(200)).json());
  }

  @Test
  void equalityIsOnTheCompactText() {
    JsonValue one = JsonValue.parse("{\"a\": [1, \"\\u00e9\"]}");
    JsonValue same = JsonValue.parse("{\"a\":[1,\"é\"]}");

    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
    assertEquals("{\"a\":[1,\"é\"]}", one.toString());
    assertNotEquals(one, JsonValue.parse("{\"a\":[1.0,\"é\"]}"), "numbers compare by their text");
    assertNotEquals(JsonValue.parse("{\"a\":1,\"b\":2}"), JsonValue.parse("{\"b\":2,\"a\":1}"));
    assertNotEquals(one, one.json());
  }

  @Test
  void theAdapterWritesTheTextInPlace() throws IOException {
    Buffer out = new Buffer();
    try (JsonWriter writer = JsonWriter.of(out)) {
      writer.beginObject();
      writer.name("x");
      JsonValue.adapter().toJson(writer, JsonValue.parse("{\"n\":12345678901234567890}"));
      writer.name("y");
      writer.value(1);
      writer.endObject();
    }
    assertEquals("{\"x\":{\"n\":12345678901234567890},\"y\":1}", out.readUtf8());
  }

  @Test
  void theAdapterReadsOneValueAndLeavesTheReaderAfterIt() throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8("{\"x\": [ {\"a\":0.10} ], \"y\": 1}"));
    reader.beginObject();
    assertEquals("x", reader.nextName());

    assertEquals(JsonValue.parse("[{\"a\":0.10}]"), JsonValue.adapter().fromJson(reader));
    assertEquals("y", reader.nextName());
    assertEquals(1, reader.nextInt());
  }

  @Test
  void theAdapterRefusesNullLikeTheOtherSharedAdapters() throws IOException {
    JsonDataException thrown = assertThrows(JsonDataException.class,
        () -> JsonValue.adapter().fromJson("null"));
    assertEquals("Expected a JSON value but was NULL at path $", thrown.getMessage());
    assertNull(JsonValue.adapter().nullSafe().fromJson("null"), "generated adapters use it null-safe");
  }

  @Test
  void typedValuesGoInAndComeOut() {
    JsonValue value = JsonValue.of(JsonAdapters.listOf(JsonAdapters.LONG), List.of(1L, 12345678901234567L));

    assertEquals("[1,12345678901234567]", value.json());
    assertEquals(List.of(1L, 12345678901234567L), value.decode(JsonAdapters.listOf(JsonAdapters.LONG)));
    assertThrows(JsonDataException.class, () -> value.decode(JsonAdapters.STRING));
  }
}
