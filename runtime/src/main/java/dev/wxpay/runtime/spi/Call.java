package dev.wxpay.runtime.spi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
  // Names and values alternate: [name0, value0, name1, value1, ...].
  private final List<String> query;
  private final List<String> headers;
  private final @Nullable Body<?> body;
  private final @Nullable UploadFile upload;
  private final @Nullable ContentHash expectedHash;

  private Call(Builder<R> builder) {
    this.operation = builder.operation;
    // Copied (a few short entries): a builder used again after build() must not change this call.
    this.pathValues = builder.pathValues.clone();
    this.query = List.copyOf(builder.query);
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

  /** Query names and values, alternating, in order and not yet encoded. */
  public List<String> query() {
    return query;
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
    private final List<String> query = new ArrayList<>(4);
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
     * generated code turns enums and date-times into their JSON text first.
     */
    public Builder<R> query(String name, @Nullable Object value) {
      if (value == null) {
        return this;
      }
      if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
        throw new IllegalArgumentException(
            "query parameter '" + name + "' has unsupported type " + value.getClass().getName());
      }
      query.add(name);
      query.add(value.toString());
      return this;
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
