package dev.wxpay.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonAdaptersTest {
  @Test
  void offsetDateTimeRoundTripsMillisExactly() throws IOException {
    String json = "\"2015-05-20T13:29:35.120+08:00\"";
    OffsetDateTime value = JsonAdapters.OFFSET_DATE_TIME.fromJson(json);
    assertEquals(OffsetDateTime.of(2015, 5, 20, 13, 29, 35, 120_000_000, ZoneOffset.ofHours(8)), value);
    assertEquals(json, JsonAdapters.OFFSET_DATE_TIME.toJson(value));
  }

  @Test
  void offsetDateTimeWithoutMillisHasNoFraction() throws IOException {
    OffsetDateTime value = OffsetDateTime.of(2015, 5, 20, 13, 29, 35, 0, ZoneOffset.ofHours(8));
    assertEquals("\"2015-05-20T13:29:35+08:00\"", JsonAdapters.OFFSET_DATE_TIME.toJson(value));
    assertEquals(value, JsonAdapters.OFFSET_DATE_TIME.fromJson("\"2015-05-20T13:29:35+08:00\""));
  }

  @Test
  void utcIsWrittenAsNumericOffset() {
    OffsetDateTime value = OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
    assertEquals("\"2020-01-02T03:04:05+00:00\"", JsonAdapters.OFFSET_DATE_TIME.toJson(value));
  }

  @Test
  void badDateTimeIsADataError() {
    assertThrows(JsonDataException.class, () -> JsonAdapters.OFFSET_DATE_TIME.fromJson("\"yesterday\""));
  }

  @Test
  void listsRoundTripAndRejectNullElements() throws IOException {
    var adapter = JsonAdapters.listOf(JsonAdapters.STRING);
    assertEquals(List.of("a", "b"), adapter.fromJson("[\"a\",\"b\"]"));
    assertEquals("[\"a\",\"b\"]", adapter.toJson(List.of("a", "b")));
    assertThrows(JsonDataException.class, () -> adapter.fromJson("[\"a\",null]"));
  }

  /** What java.time's ISO parser makes of a text: the value, or null when it refuses it. */
  private static OffsetDateTime iso(String text) {
    try {
      return OffsetDateTime.parse(text, java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** What the adapter makes of it: the value, or null when it refuses it. */
  private static OffsetDateTime adapter(String text) throws IOException {
    try {
      return JsonAdapters.OFFSET_DATE_TIME.fromJson("\"" + text + "\"");
    } catch (JsonDataException e) {
      return null;
    }
  }

  /**
   * The direct reader of WeChat Pay's shapes agrees with java.time's ISO parser, an independent
   * implementation, on random valid values in every shape and on texts mutated one character at a time.
   */
  @Test
  void commonDateTimesReadExactlyAsJavaTimeReadsThem() throws IOException {
    java.util.Random random = new java.util.Random(20261202);
    String[] fractions = {"", ".1", ".12", ".120", ".1234", ".123456", ".123456789"};
    String alphabet = "0123456789-+:.TZtz 9x";
    for (int i = 0; i < 20_000; i++) {
      java.time.LocalDateTime local = java.time.LocalDateTime.ofEpochSecond(
          random.nextLong() % 8_000_000_000L + 4_000_000_000L, 0, ZoneOffset.UTC);
      int offsetMinutes = (random.nextInt(37) - 18) * 60 + (random.nextBoolean() ? 0 : random.nextInt(60));
      String offset = random.nextInt(10) == 0 ? "Z" : ZoneOffset.ofTotalSeconds(
          Math.max(-64_800, Math.min(64_800, offsetMinutes * 60))).getId().replace("Z", "+00:00");
      String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", local.getYear(), local.getMonthValue(),
          local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond(),
          fractions[random.nextInt(fractions.length)], offset);
      OffsetDateTime expected = iso(text);
      assertEquals(expected, JsonAdapters.parseCommonDateTime(text), text);
      assertEquals(expected, adapter(text), text);

      char[] mutated = text.toCharArray();
      mutated[random.nextInt(mutated.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      String other = new String(mutated);
      assertEquals(iso(other), adapter(other), other);
    }
    for (String text : List.of("2015-02-29T00:00:00+08:00", "2016-02-29T24:00:00Z", "2015-05-20T13:60:00Z",
        "2015-05-20T13:29:60Z", "2015-05-20T13:29:35+18:01", "2015-05-20T13:29:35+19:00", "2015-05-20t13:29:35z",
        "2015-05-20T13:29+08:00", "2015-05-20T13:29:35.+08:00", "2015-05-20T13:29:35.1234567890+08:00",
        "2015-05-20T13:29:35+08:00:30", "+2015-05-20T13:29:35Z", "2015-05-20T13:29:35-00:00")) {
      assertEquals(iso(text), adapter(text), text);
    }
  }
}
