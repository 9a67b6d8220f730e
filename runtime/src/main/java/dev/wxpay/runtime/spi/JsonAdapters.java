package dev.wxpay.runtime.spi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.OffsetDateTime;
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
