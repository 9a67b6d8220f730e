package dev.wxpay.runtime.spi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON adapters generated adapters build on, for scalars, date-times and lists. None of them accepts
 * JSON null: generated code decides what null means for each property. The adapter of
 * {@code dev.wxpay.runtime.JsonValue} is {@code JsonValue.adapter()}, beside the type: this package never
 * uses the API package.
 */
public final class JsonAdapters {
  private JsonAdapters() {}

  public static final JsonAdapter<String> STRING = new JsonAdapter<>() {
    @Override
    public String fromJson(JsonReader reader) throws IOException {
      return reader.nextString();
    }

    @Override
    public void toJson(JsonWriter writer, String value) throws IOException {
      writer.value(value);
    }

    @Override
    public String toString() {
      return "JsonAdapter(String)";
    }
  };

  public static final JsonAdapter<Integer> INTEGER = new JsonAdapter<>() {
    @Override
    public Integer fromJson(JsonReader reader) throws IOException {
      return reader.nextInt();
    }

    @Override
    public void toJson(JsonWriter writer, Integer value) throws IOException {
      writer.value(value.intValue());
    }

    @Override
    public String toString() {
      return "JsonAdapter(Integer)";
    }
  };

  public static final JsonAdapter<Long> LONG = new JsonAdapter<>() {
    @Override
    public Long fromJson(JsonReader reader) throws IOException {
      return reader.nextLong();
    }

    @Override
    public void toJson(JsonWriter writer, Long value) throws IOException {
      writer.value(value.longValue());
    }

    @Override
    public String toString() {
      return "JsonAdapter(Long)";
    }
  };

  public static final JsonAdapter<Boolean> BOOLEAN = new JsonAdapter<>() {
    @Override
    public Boolean fromJson(JsonReader reader) throws IOException {
      return reader.nextBoolean();
    }

    @Override
    public void toJson(JsonWriter writer, Boolean value) throws IOException {
      writer.value(value.booleanValue());
    }

    @Override
    public String toString() {
      return "JsonAdapter(Boolean)";
    }
  };

  public static final JsonAdapter<Double> DOUBLE = new JsonAdapter<>() {
    @Override
    public Double fromJson(JsonReader reader) throws IOException {
      return reader.nextDouble();
    }

    @Override
    public void toJson(JsonWriter writer, Double value) throws IOException {
      writer.value(value.doubleValue());
    }

    @Override
    public String toString() {
      return "JsonAdapter(Double)";
    }
  };

  /**
   * RFC 3339 as WeChat Pay writes it: a numeric offset rather than 'Z', milliseconds only when present. In a
   * holder: building the formatters loads some fifty java.time classes, which a client whose models have
   * no date-time never needs.
   */
  private static final class Rfc3339 {
    static final DateTimeFormatter SECONDS = rfc3339(false);
    static final DateTimeFormatter MILLIS = rfc3339(true);

    private static DateTimeFormatter rfc3339(boolean millis) {
      DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2);
      if (millis) {
        builder.appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true);
      }
      return builder.appendOffset("+HH:MM", "+00:00").toFormatter();
    }
  }

  /** RFC 3339 date-time with offset, e.g. {@code 2015-05-20T13:29:35.120+08:00}. */
  public static final JsonAdapter<OffsetDateTime> OFFSET_DATE_TIME = new JsonAdapter<>() {
    @Override
    public OffsetDateTime fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      OffsetDateTime common = parseCommonDateTime(text);
      if (common != null) {
        return common;
      }
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        // Without the cause: its message quotes the text, which may be decrypted data.
        throw new JsonDataException("expected an RFC 3339 date-time at " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
      writer.value(formatDateTime(value));
    }

    @Override
    public String toString() {
      return "JsonAdapter(OffsetDateTime)";
    }
  };

  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  /**
   * The shapes WeChat Pay sends, {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}, read directly: java.time's
   * general parser takes over a microsecond and a dozen objects per value. Null for any other shape or an
   * invalid value, which then goes to that parser, so results and rejections stay exactly ISO's.
   */
  static @Nullable OffsetDateTime parseCommonDateTime(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nano = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int length = i - start;
      if (length == 0 || length > 9) {
        return null;
      }
      nano = digits(s, start, length) * POWERS_OF_TEN[9 - length];
    }
    if (i >= n) {
      return null;
    }
    char sign = s.charAt(i);
    int offsetSeconds;
    if (sign == 'Z' && i + 1 == n) {
      offsetSeconds = 0;
    } else if ((sign == '+' || sign == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
      int offsetHours = digits(s, i + 1, 2);
      int offsetMinutes = digits(s, i + 4, 2);
      if ((offsetHours | offsetMinutes) < 0 || offsetHours > 18 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nano, ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The ASCII digits {@code s[from, from + count)} as a number, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Formats a date-time the way WeChat Pay expects it in bodies and query strings. */
  public static String formatDateTime(OffsetDateTime value) {
    // WeChat Pay uses millisecond precision; sub-millisecond parts are dropped, not rounded up.
    return value.getNano() < 1_000_000 ? Rfc3339.SECONDS.format(value) : Rfc3339.MILLIS.format(value);
  }

  /** A date-time as a query value (the JSON text without quotes), or null to leave the parameter out. */
  public static @Nullable String queryValue(@Nullable OffsetDateTime value) {
    return value == null ? null : formatDateTime(value);
  }

  /** The exception for a required field that a JSON object lacks (or has as null). */
  public static JsonDataException missing(String jsonName, JsonReader reader) {
    return new JsonDataException("required field " + reader.getPath() + "." + jsonName
        + " is missing, null or has an unknown value");
  }

  /** Returns a required value about to be written, or fails naming where it is null. */
  public static <T> T required(@Nullable T value, JsonWriter writer) {
    if (value == null) {
      throw new JsonDataException("required field " + writer.getPath() + " is null");
    }
    return value;
  }

  /**
   * A list adapter. JSON null elements are rejected; elements the element adapter reads as null (an
   * enum value this version does not know) are dropped, so a new value added by WeChat Pay does not fail
   * the call. The list read is unmodifiable.
   */
  public static <E> JsonAdapter<List<E>> listOf(JsonAdapter<E> element) {
    return new JsonAdapter<>() {
      @Override
      public List<E> fromJson(JsonReader reader) throws IOException {
        List<E> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          if (reader.peek() == JsonReader.Token.NULL) {
            throw new JsonDataException("unexpected null element at " + reader.getPath());
          }
          E value = element.fromJson(reader);
          if (value != null) {
            list.add(value);
          }
        }
        reader.endArray();
        return Collections.unmodifiableList(list);
      }

      @Override
      public void toJson(JsonWriter writer, List<E> value) throws IOException {
        writer.beginArray();
        for (E e : value) {
          element.toJson(writer, e);
        }
        writer.endArray();
      }

      @Override
      public String toString() {
        return element + ".list()";
      }
    };
  }
}
