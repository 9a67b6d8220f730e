package dev.wxpay.runtime.spi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import dev.wxpay.annotations.rules.PathTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * One call of an {@link Operation}: the values generated code binds to it (path values, query, headers,
 * body or upload). Immutable once built; the runtime turns it into a signed HTTP request.
 *
 * @param <R> the decoded answer
 */
public final class Call<R extends @Nullable Object> {
  private final Operation<R> operation;
  private final @Nullable String[] pathValues;
  private final String encodedQuery;
  private final List<String> headers;
  private final @Nullable Body<?> body;
  private final @Nullable UploadFile upload;
  private final @Nullable ContentHash expectedHash;

  private Call(Builder<R> builder) {
    this.operation = builder.operation;
    // Copied (a few short entries): a builder used again after build() must not change this call.
    this.pathValues = builder.pathValues.clone();
    this.encodedQuery = builder.query.toString();
    this.headers = List.copyOf(builder.headers);
    this.body = builder.body;
    this.upload = builder.upload;
    this.expectedHash = builder.expectedHash;
  }

  public Operation<R> operation() {
    return operation;
  }

  /** The path with every value percent-encoded as one segment, starting with {@code /}. */
  public String expandPath() {
    return operation.path().expand(pathValues);
  }

  /**
   * The query as sent and signed, without the {@code ?}: {@code name=value} pairs in the order bound, joined
   * with {@code &}, names and values percent-encoded; empty if the call has none.
   */
  public String encodedQuery() {
    return encodedQuery;
  }

  /** Declared header names and values, alternating. */
  public List<String> headers() {
    return headers;
  }

  public @Nullable Body<?> body() {
    return body;
  }

  /** The file of a media upload, sent as multipart/form-data; null for other calls. */
  public @Nullable UploadFile upload() {
    return upload;
  }

  /** The hash an unsigned download must match; null if none was given. */
  public @Nullable ContentHash expectedHash() {
    return expectedHash;
  }

  @Override
  public String toString() {
    return operation.toString();
  }

  /** The JSON request body and the adapter that writes it. */
  public record Body<T>(T value, JsonAdapter<T> adapter) {
    /**
     * Serialises the body as the UTF-8 JSON bytes that are signed and sent, encrypting
     * {@code @Encrypted} fields with {@code sensitiveFields}.
     */
    public byte[] toBytes(@Nullable SensitiveFields sensitiveFields) {
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
      return buffer.readByteArray();
    }

    @Override
    public String toString() {
      // Bodies may carry personal data; keep them out of logs.
      return "Body[" + value.getClass().getSimpleName() + "]";
    }
  }

  /** Binds the values of one call. Not thread-safe; generated code uses one per invocation. */
  public static final class Builder<R extends @Nullable Object> {
    private final Operation<R> operation;
    private final @Nullable String[] pathValues;
    // Encoded as bound: only here is it known which commas separate list values and which are data.
    private final StringBuilder query = new StringBuilder();
    private final List<String> headers = new ArrayList<>(2);
    private @Nullable Body<?> body;
    private @Nullable UploadFile upload;
    private @Nullable ContentHash expectedHash;

    Builder(Operation<R> operation) {
      this.operation = operation;
      this.pathValues = new String[operation.path().placeholderNames().size()];
    }

    /**
     * Binds a placeholder.
     *
     * @throws IllegalArgumentException if the value is null or empty, or the template has no such
     *     placeholder
     */
    public Builder<R> path(String name, @Nullable String value) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("path parameter '" + name + "' must not be null or empty");
      }
      int index = operation.path().placeholderNames().indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException(operation + " has no placeholder <" + name + ">");
      }
      pathValues[index] = value;
      return this;
    }

    /**
     * Adds a query parameter; a null value is left out. Strings, numbers and booleans are accepted;
     * generated code turns enums and date-times into their JSON text first. The name and the value are
     * percent-encoded (all but RFC 3986 unreserved characters, so a {@code ,} in a value is {@code %2C}).
     */
    public Builder<R> query(String name, @Nullable Object value) {
      if (value == null) {
        return this;
      }
      String text = text(name, value);
      startParameter(name);
      PathTemplate.encodeSegment(text, query);
      return this;
    }

    /**
     * Adds a list as one query parameter, its values joined with {@code ,} (Swagger 2.0's default
     * {@code collectionFormat: csv}): {@code name=a,b}. Each value is percent-encoded as {@link #query}
     * encodes one, so a {@code ,} inside a value is sent as {@code %2C} and only the separators are literal.
     * A null or empty list is left out; a null element is refused.
     */
    public Builder<R> queryList(String name, @Nullable List<?> values) {
      return queryList(name, values, Function.identity());
    }

    /**
     * Like {@link #queryList(String, List)}, each element first turned into its text by {@code text}
     * (generated code passes an enum's {@code jsonName} or {@code jsonNumber}, or
     * {@code JsonAdapters::queryValue} for date-times).
     */
    public <T> Builder<R> queryList(
        String name, @Nullable List<T> values, Function<? super T, ? extends @Nullable Object> text) {
      if (values == null || values.isEmpty()) {
        return this;
      }
      // Every element is checked before anything is appended, so a refused list leaves no trace.
      String[] texts = new String[values.size()];
      int i = 0;
      for (T element : values) {
        Object value = element == null ? null : text.apply(element);
        if (value == null) {
          // Left out, it would vanish silently; sent empty, it would read as a value.
          throw new IllegalArgumentException("query parameter '" + name + "' has a null element at index " + i);
        }
        texts[i++] = text(name, value);
      }
      startParameter(name);
      for (int j = 0; j < texts.length; j++) {
        if (j > 0) {
          query.append(',');
        }
        PathTemplate.encodeSegment(texts[j], query);
      }
      return this;
    }

    private void startParameter(String name) {
      if (query.length() > 0) {
        query.append('&');
      }
      PathTemplate.encodeSegment(name, query);
      query.append('=');
    }

    private static String text(String name, Object value) {
      if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
        throw new IllegalArgumentException(
            "query parameter '" + name + "' has unsupported type " + value.getClass().getName());
      }
      return value.toString();
    }

    /** Adds a header; a null value is left out. Reserved names, CR and LF are refused when sent. */
    public Builder<R> header(String name, @Nullable String value) {
      if (value != null) {
        headers.add(name);
        headers.add(value);
      }
      return this;
    }

    public <T> Builder<R> body(T value, JsonAdapter<T> adapter) {
      if (value == null) {
        throw new IllegalArgumentException("request body must not be null");
      }
      if (upload != null) {
        throw new IllegalStateException("a call has either a JSON body or an upload");
      }
      this.body = new Body<>(value, adapter);
      return this;
    }

    /** The file of a media upload; a call has either a JSON body or an upload. */
    public Builder<R> upload(UploadFile upload) {
      if (body != null) {
        throw new IllegalStateException("a call has either a JSON body or an upload");
      }
      this.upload = Objects.requireNonNull(upload, "upload");
      return this;
    }

    /** The hash a download must match; null to skip the check. */
    public Builder<R> expectedHash(@Nullable ContentHash expectedHash) {
      this.expectedHash = expectedHash;
      return this;
    }

    public Call<R> build() {
      return new Call<>(this);
    }
  }
}
