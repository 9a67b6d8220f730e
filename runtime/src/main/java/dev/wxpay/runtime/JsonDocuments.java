package dev.wxpay.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.wxpay.runtime.spi.SensitiveFields;
import java.io.IOException;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Reads a whole JSON document with a generated adapter: answers, notifications, their resources. */
final class JsonDocuments {
  private JsonDocuments() {}

  /**
   * Decodes {@code json} with {@code adapter}, with the keys for {@code @Encrypted} fields attached, and
   * refuses anything after the value: a document is one value.
   */
  static <T> @Nullable T decode(JsonAdapter<T> adapter, Buffer json, @Nullable SensitiveFields sensitive)
      throws IOException {
    JsonReader reader = JsonReader.of(json);
    if (sensitive != null) {
      reader.setTag(SensitiveFields.class, sensitive);
    }
    T value = adapter.fromJson(reader);
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new JsonDataException("JSON document was not fully consumed");
    }
    return value;
  }
}
