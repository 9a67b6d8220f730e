package dev.wxpay.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON the sandbox writes (answers, notifications) and reads (an upload's {@code meta}), through Moshi's
 * adapters for plain maps, lists and strings: compact, members in insertion order.
 */
final class SandboxJson {
  /** Moshi adapters are immutable and thread-safe, so one serves every sandbox. */
  private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);

  /** WeChat Pay writes times in China Standard Time. */
  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private SandboxJson() {}

  /** A JSON object of these names and values, in this order; a value is a string, a list or such an object. */
  static Map<String, Object> object(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }

  /** The value as compact JSON text. */
  static String write(Object value) {
    return ANY.toJson(value);
  }

  /** Returns {@code {"code":"...","message":"..."}}, the shape of WeChat Pay's error bodies. */
  static String error(String code, String message) {
    return write(object("code", code, "message", message));
  }

  /**
   * Parses a JSON object: members become a map in document order; strings are {@code String}s, numbers
   * {@code Double}s, arrays {@code List}s.
   *
   * @throws IllegalArgumentException if the text is not exactly one JSON object
   */
  static Map<?, ?> parseObject(String text) {
    Object value;
    try {
      value = ANY.fromJson(text);
    } catch (IOException | JsonDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!(value instanceof Map<?, ?> object)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return object;
  }

  /** An RFC 3339 time to the second in China Standard Time, as WeChat Pay writes {@code create_time}. */
  static String time(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), CHINA)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
