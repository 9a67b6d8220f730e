package dev.wxpay.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * One JSON value whose shape the API leaves open (a schema of {@code {}}, an array without an item type,
 * an object without described properties), kept as compact JSON text so that whatever WeChat Pay sends
 * can be read, kept and sent back.
 *
 * <p>Nothing of the value is lost. Numbers keep their text exactly as written: {@code 12345678901234567890}
 * and {@code 0.10} stay what they are, they never pass through {@code double}. Members keep their order,
 * duplicates included. Only the spelling is made compact: whitespace between tokens is dropped and strings
 * are escaped the way Moshi writes them, so <code>"&#92;u00e9"</code> becomes {@code "é"} and
 * {@code "\/"} becomes {@code "/"}. Two values are equal when their compact texts are, so members in
 * another order differ.
 *
 * <p>A JSON {@code null} is a null {@code JsonValue}, never a {@code JsonValue} holding null: generated
 * adapters read a JSON null as Java null and leave an optional null field out.
 *
 * <p>{@link #toString()} is the JSON text, as for a {@code String} component: a value decoded from a
 * decrypted notification resource is personal data like the strings beside it.
 */
public final class JsonValue {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final JsonAdapter<JsonValue> ADAPTER = new JsonAdapter<>() {
    @Override
    public JsonValue fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        throw new JsonDataException("Expected a JSON value but was NULL at path " + reader.getPath());
      }
      StringBuilder out = new StringBuilder();
      copy(reader, out);
      return new JsonValue(out.toString());
    }

    @Override
    public void toJson(JsonWriter writer, JsonValue value) throws IOException {
      // The text is already valid JSON: written as it is, not parsed and written again.
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(value.json);
      }
    }

    @Override
    public String toString() {
      return "JsonAdapter(JsonValue)";
    }
  };

  private final String json;

  private JsonValue(String json) {
    this.json = json;
  }

  /**
   * The value {@code json} holds, which must be one well-formed JSON value other than {@code null}, as
   * Moshi reads it without leniency: no comments, single quotes, unquoted names, trailing commas or NaN.
   * Whitespace around and inside it is dropped.
   *
   * @throws IllegalArgumentException if {@code json} is not one well-formed JSON value, or is {@code null}
   */
  public static JsonValue parse(String json) {
    Objects.requireNonNull(json, "json");
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    try {
      if (reader.peek() == JsonReader.Token.NULL) {
        throw new IllegalArgumentException("JSON null is not a JsonValue; a null JsonValue stands for it");
      }
      JsonValue value = ADAPTER.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("not one JSON value: more follows it at " + reader.getPath());
      }
      return value;
    } catch (IOException | JsonDataException e) {
      // Moshi's advice to read leniently does not apply here: the text has to be valid JSON.
      String reason = String.valueOf(e.getMessage())
          .replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON");
      throw new IllegalArgumentException("not one well-formed JSON value: " + reason, e);
    }
  }

  /**
   * {@code value} written with {@code adapter}, e.g. a generated {@code XJsonAdapter.INSTANCE}, to send a
   * typed value where the API takes any JSON.
   *
   * @throws IllegalArgumentException if the adapter writes JSON null
   */
  public static <T> JsonValue of(JsonAdapter<T> adapter, T value) {
    return parse(adapter.toJson(value));
  }

  /**
   * The shared adapter of {@code JsonValue} (generated adapters use it): reads any JSON value but null,
   * writes the text unchanged.
   */
  public static JsonAdapter<JsonValue> adapter() {
    return ADAPTER;
  }

  /** The compact JSON text, e.g. {@code {"a":[1,2.50,"x"]}}. */
  public String json() {
    return json;
  }

  /**
   * This value read with {@code adapter}, e.g. a generated {@code XJsonAdapter.INSTANCE}, once its shape is
   * known. {@code @Encrypted} fields cannot be decrypted here: the keys belong to a call.
   *
   * @throws JsonDataException if the value does not fit the adapter
   */
  public <T> @Nullable T decode(JsonAdapter<T> adapter) {
    try {
      return adapter.fromJson(json);
    } catch (IOException e) {
      // Only a malformed document throws IOException, and this text is well-formed.
      throw new JsonDataException(e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof JsonValue that && json.equals(that.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** The compact JSON text, as {@link #json()}. */
  @Override
  public String toString() {
    return json;
  }

  /**
   * Copies the next value token by token, so the reader checks that it is well-formed. Depth is bounded:
   * Moshi's reader refuses nesting deeper than 255.
   */
  private static void copy(JsonReader reader, StringBuilder out) throws IOException {
    switch (reader.peek()) {
      case BEGIN_ARRAY -> {
        reader.beginArray();
        out.append('[');
        for (boolean first = true; reader.hasNext(); first = false) {
          if (!first) {
            out.append(',');
          }
          copy(reader, out);
        }
        reader.endArray();
        out.append(']');
      }
      case BEGIN_OBJECT -> {
        reader.beginObject();
        out.append('{');
        for (boolean first = true; reader.hasNext(); first = false) {
          if (!first) {
            out.append(',');
          }
          string(reader.nextName(), out);
          out.append(':');
          copy(reader, out);
        }
        reader.endObject();
        out.append('}');
      }
      case STRING -> string(reader.nextString(), out);
      // nextString() gives a number's text as written; nextDouble() (or readJsonValue()) would round it.
      case NUMBER -> out.append(reader.nextString());
      case BOOLEAN -> out.append(reader.nextBoolean());
      case NULL -> {
        reader.nextNull();
        out.append("null");
      }
      default -> throw new JsonDataException("Expected a JSON value but was " + reader.peek() + " at path "
          + reader.getPath());
    }
  }

  /**
   * A string as Moshi writes it: quotes, backslashes, control characters and U+2028/U+2029 escaped. A lone
   * surrogate, which UTF-8 cannot carry, is escaped too rather than replaced with {@code ?}.
   */
  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(value, i)) {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
  }
}
