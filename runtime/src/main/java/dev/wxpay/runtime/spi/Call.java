package dev.wxpay.runtime.spi;

import com.squareup.moshi.JsonAdapter;
import dev.wxpay.annotations.rules.PathTemplate;
import dev.wxpay.runtime.Download;
import dev.wxpay.runtime.DownloadHash;
import dev.wxpay.runtime.Upload;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * An immutable description of one API call, built by generated clients: method, path template and
 * values, query, headers, body and the adapter that decodes the response. The runtime turns it into a
 * signed HTTP request.
 *
 * @param <R> the decoded response type; {@code Void} for calls without a response body
 */
public final class Call<R extends @Nullable Object> {
  private final String method;
  private final PathTemplate path;
  private final Map<String, String> pathValues;
  private final List<Map.Entry<String, String>> query;
  private final Map<String, String> headers;
  private final @Nullable Body<?> body;
  private final @Nullable Upload upload;
  private final boolean download;
  private final @Nullable DownloadHash expectedHash;
  private final @Nullable JsonAdapter<R> responseAdapter;

  private Call(Builder<R> builder) {
    this.method = builder.method;
    this.path = builder.path;
    this.pathValues = Collections.unmodifiableMap(new LinkedHashMap<>(builder.pathValues));
    this.query = List.copyOf(builder.query);
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    this.body = builder.body;
    this.upload = builder.upload;
    this.download = builder.download;
    this.expectedHash = builder.expectedHash;
    this.responseAdapter = builder.responseAdapter;
  }

  /** Starts a call whose 2xx response body is decoded with {@code responseAdapter}. */
  public static <R> Builder<R> builder(String method, PathTemplate path, JsonAdapter<R> responseAdapter) {
    return new Builder<>(method, path, responseAdapter);
  }

  /** Starts a call whose response body, if any, is ignored after verification. */
  public static Builder<@Nullable Void> withoutResponse(String method, PathTemplate path) {
    return new Builder<>(method, path, null);
  }

  /**
   * Starts a download whose answer WeChat Pay does not sign (declared with {@code @UnsignedResponse}):
   * it is streamed and checked against {@link Builder#expectedHash} instead of a signature.
   */
  public static Builder<Download> download(String method, PathTemplate path) {
    Builder<Download> builder = new Builder<>(method, path, null);
    builder.download = true;
    return builder;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  public PathTemplate path() {
    return path;
  }

  /** Path values by placeholder name, not yet encoded. */
  public Map<String, String> pathValues() {
    return pathValues;
  }

  /** Query parameters in order, not yet encoded. */
  public List<Map.Entry<String, String>> query() {
    return query;
  }

  /** Extra request headers declared with {@code @Header}. */
  public Map<String, String> headers() {
    return headers;
  }

  public @Nullable Body<?> body() {
    return body;
  }

  /** The file of a media upload, sent as multipart/form-data; null for other calls. */
  public @Nullable Upload upload() {
    return upload;
  }

  /** Whether this is an unsigned download. */
  public boolean isDownload() {
    return download;
  }

  /** The hash an unsigned download must match; null if none was given. */
  public @Nullable DownloadHash expectedHash() {
    return expectedHash;
  }

  public @Nullable JsonAdapter<R> responseAdapter() {
    return responseAdapter;
  }

  /** The JSON request body and the adapter that writes it. */
  public record Body<T>(T value, JsonAdapter<T> adapter) {
    /** Serialises the body as the UTF-8 JSON text that is signed and sent. */
    public String toJson() {
      return toJson(null);
    }

    /** Serialises the body, encrypting {@code @Encrypted} fields with {@code sensitiveFields}. */
    public String toJson(@Nullable SensitiveFields sensitiveFields) {
      Buffer buffer = new Buffer();
      JsonWriter writer = JsonWriter.of(buffer);
      if (sensitiveFields != null) {
        writer.setTag(SensitiveFields.class, sensitiveFields);
      }
      try {
        adapter.toJson(writer, value);
      } catch (IOException e) {
        throw new UncheckedIOException("writing to memory failed", e);
      }
      return buffer.readUtf8();
    }

    @Override
    public String toString() {
      // Bodies may carry personal data; keep them out of logs.
      return "Body[" + value.getClass().getSimpleName() + "]";
    }
  }

  /** Builds a {@link Call}. Not thread-safe; generated code uses one per invocation. */
  public static final class Builder<R extends @Nullable Object> {
    private final String method;
    private final PathTemplate path;
    private final @Nullable JsonAdapter<R> responseAdapter;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable Body<?> body;
    private @Nullable Upload upload;
    private boolean download;
    private @Nullable DownloadHash expectedHash;

    private Builder(String method, PathTemplate path, @Nullable JsonAdapter<R> responseAdapter) {
      this.method = method;
      this.path = path;
      this.responseAdapter = responseAdapter;
    }

    /**
     * Binds a placeholder.
     *
     * @throws IllegalArgumentException if the value is null or empty
     */
    public Builder<R> path(String name, @Nullable String value) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("path parameter '" + name + "' must not be null or empty");
      }
      pathValues.put(name, value);
      return this;
    }

    /**
     * Adds a query parameter; a null value is left out. Strings, numbers and booleans are accepted;
     * generated code turns other types into one of these with their JSON adapter first.
     */
    public Builder<R> query(String name, @Nullable Object value) {
      if (value == null) {
        return this;
      }
      if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
        throw new IllegalArgumentException(
            "query parameter '" + name + "' has unsupported type " + value.getClass().getName());
      }
      query.add(Map.entry(name, value.toString()));
      return this;
    }

    /** Adds a header; a null value is left out. CR and LF are rejected when the call is sent. */
    public Builder<R> header(String name, @Nullable String value) {
      if (value != null) {
        headers.put(name, value);
      }
      return this;
    }

    public <T> Builder<R> body(T value, JsonAdapter<T> adapter) {
      if (value == null) {
        throw new IllegalArgumentException("request body must not be null");
      }
      this.body = new Body<>(value, adapter);
      return this;
    }

    /** The file of a media upload; a call has either a JSON body or an upload. */
    public Builder<R> upload(Upload upload) {
      if (body != null) {
        throw new IllegalStateException("a call has either a JSON body or an upload");
      }
      this.upload = java.util.Objects.requireNonNull(upload, "upload");
      return this;
    }

    /** The hash a download must match; null to skip the check. */
    public Builder<R> expectedHash(@Nullable DownloadHash expectedHash) {
      this.expectedHash = expectedHash;
      return this;
    }

    public Call<R> build() {
      return new Call<>(this);
    }
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
