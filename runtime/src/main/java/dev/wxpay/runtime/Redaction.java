package dev.wxpay.runtime;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Makes text safe for call events: bodies without secrets, server text on one line. */
final class Redaction {
  static final String MARKER = "<redacted>";
  // Parts of field names that suggest a secret, whatever the API's documentation says about the field.
  private static final String[] SECRET_NAMES = {
      "secret", "password", "passwd", "sign", "token", "key", "cipher", "encrypt", "credential", "nonce",
      // The customer's one-time payment code (micropay): spends money until used.
      "auth_code", "authcode"};

  private Redaction() {}

  /** Control characters become spaces: a log line stays one line, whatever the server sent. */
  static String oneLine(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, ' ');
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * The JSON with every string in {@code ciphertexts} (what the call encrypted or decrypted) and every value
   * of a field whose name suggests a secret replaced by {@link #MARKER}; a body that is not JSON is only
   * described. Null for an empty body.
   */
  static @Nullable String json(byte[] body, Set<String> ciphertexts) {
    if (body.length == 0) {
      return null;
    }
    Buffer out = new Buffer();
    try (JsonReader reader = JsonReader.of(new Buffer().write(body)); JsonWriter writer = JsonWriter.of(out)) {
      reader.setLenient(false);
      copy(reader, writer, ciphertexts, false);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        return notJson(body);
      }
    } catch (IOException | RuntimeException e) {
      return notJson(body);
    }
    return out.readUtf8();
  }

  private static String notJson(byte[] body) {
    // Not JSON (an HTML page from a proxy, say): nothing in it can be told apart, so nothing is shown.
    return "<" + body.length + " bytes, not JSON>";
  }

  private static void copy(JsonReader reader, JsonWriter writer, Set<String> ciphertexts, boolean secret)
      throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        reader.beginObject();
        writer.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          writer.name(name);
          copy(reader, writer, ciphertexts, secret || secretName(name));
        }
        reader.endObject();
        writer.endObject();
      }
      case BEGIN_ARRAY -> {
        reader.beginArray();
        writer.beginArray();
        while (reader.hasNext()) {
          copy(reader, writer, ciphertexts, secret);
        }
        reader.endArray();
        writer.endArray();
      }
      case STRING -> {
        String value = reader.nextString();
        writer.value(secret || ciphertexts.contains(value) ? MARKER : value);
      }
      case NUMBER -> {
        String value = reader.nextString();
        if (secret) {
          writer.value(MARKER);
        } else {
          // Written as it came: a number read back as a double could change.
          try (okio.BufferedSink sink = writer.valueSink()) {
            sink.writeUtf8(value);
          }
        }
      }
      case BOOLEAN -> {
        boolean value = reader.nextBoolean();
        if (secret) {
          writer.value(MARKER);
        } else {
          writer.value(value);
        }
      }
      case NULL -> {
        reader.skipValue();
        writer.nullValue();
      }
      default -> throw new IOException("unexpected " + reader.peek());
    }
  }

  static boolean secretName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String part : SECRET_NAMES) {
      if (lower.contains(part)) {
        return true;
      }
    }
    return false;
  }
}
