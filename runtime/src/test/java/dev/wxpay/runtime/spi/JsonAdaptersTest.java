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
}
