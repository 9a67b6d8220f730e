package dev.wxpay.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** JSON reading for tests, with Moshi directly rather than through the sandbox's SandboxJson. */
final class TestJson {
  private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);

  private TestJson() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String json) {
    try {
      return (Map<String, Object>) ADAPTER.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }
}
