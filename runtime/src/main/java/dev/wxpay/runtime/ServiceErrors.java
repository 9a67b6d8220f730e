package dev.wxpay.runtime;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Reads WeChat Pay error bodies, {@code {"code": ..., "message": ..., "detail": {...}}}, leniently. */
final class ServiceErrors {
  private static final JsonReader.Options NAMES = JsonReader.Options.of("code", "message", "detail");

  private ServiceErrors() {}

  /**
   * Builds the exception for a non-2xx response. A body that is empty, not JSON or oddly shaped still
   * gives a {@link ServiceException} with the status and Request-ID; fields read before a syntax error
   * are kept.
   */
  static ServiceException parse(int statusCode, byte[] body, @Nullable String requestId) {
    @Nullable String code = null;
    @Nullable String message = null;
    @Nullable String detail = null;
    if (body.length > 0) {
      try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
        if (reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
          reader.beginObject();
          while (reader.hasNext()) {
            switch (reader.selectName(NAMES)) {
              case 0 -> code = scalar(reader);
              case 1 -> message = scalar(reader);
              case 2 -> detail = raw(reader);
              default -> {
                reader.skipName();
                reader.skipValue();
              }
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // Not JSON (an HTML error page from a proxy, say): keep what was read.
      }
    }
    return new ServiceException(statusCode, code, message, detail, requestId);
  }

  private static @Nullable String scalar(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.STRING || token == JsonReader.Token.NUMBER) {
      return reader.nextString();
    }
    reader.skipValue();
    return null;
  }

  private static @Nullable String raw(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.skipValue();
      return null;
    }
    // The value's own bytes, so numbers and key order come out as the server sent them.
    try (okio.BufferedSource source = reader.nextSource()) {
      return source.readUtf8();
    }
  }
}
