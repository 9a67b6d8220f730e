package dev.wxpay.testkit;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The stubs of one sandbox: a responder for each method and raw path. Thread-safe. */
final class Stubs {
  private final ConcurrentHashMap<String, Function<RecordedRequest, StubResponse>> byMethodAndPath =
      new ConcurrentHashMap<>();

  /** Sets the responder for the method (any case) and path, replacing any before it. */
  void put(String method, String path, Function<RecordedRequest, StubResponse> responder) {
    byMethodAndPath.put(key(checkMethod(method), checkPath(path)), responder);
  }

  /** The responder for a request's method (as received) and raw path, or null if none is stubbed. */
  @Nullable Function<RecordedRequest, StubResponse> find(String method, String rawPath) {
    return byMethodAndPath.get(key(method, rawPath));
  }

  void clear() {
    byMethodAndPath.clear();
  }

  /**
   * The path if it can name requests: it starts with {@code /} and has no query or fragment.
   *
   * @throws IllegalArgumentException otherwise
   */
  static String checkPath(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a stub path must start with '/', like /v3/..., was '" + path + "'");
    }
    if (path.contains("?") || path.contains("#")) {
      throw new IllegalArgumentException(
          "a stub path must not have a query or fragment (queries are ignored for matching), was '" + path + "'");
    }
    return path;
  }

  private static String checkMethod(String method) {
    if (method.isEmpty()) {
      throw new IllegalArgumentException("the method is empty");
    }
    return method.toUpperCase(Locale.ROOT);
  }

  private static String key(String method, String rawPath) {
    return method + " " + rawPath;
  }
}
