package dev.wxpay.runtime.spi;

import com.squareup.moshi.JsonAdapter;
import dev.wxpay.annotations.Host;
import dev.wxpay.annotations.rules.PathTemplate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What stays the same on every call of one endpoint operation: the HTTP method, the parsed path template,
 * the host that serves it and the adapter of the answer. Generated clients hold one per operation in a static field, shared by
 * the blocking and the asynchronous method, and bind each call's values with {@link #call()}.
 *
 * @param <R> the decoded answer; {@code Void} when the answer has no body to decode
 */
public final class Operation<R extends @Nullable Object> {
  private final String method;
  private final PathTemplate path;
  private final @Nullable JsonAdapter<R> responseAdapter;
  private final boolean download;
  private final Host host;
  private final String description;
  private final String route;
  private final String name;

  private Operation(String method, String pathTemplate, @Nullable JsonAdapter<R> responseAdapter,
      boolean download) {
    this.method = method;
    this.path = PathTemplate.parse(pathTemplate);
    this.responseAdapter = responseAdapter;
    this.download = download;
    this.host = Host.MAINLAND;
    this.description = method + " " + pathTemplate;
    this.route = route(path);
    this.name = method + " " + route;
  }

  private Operation(Operation<R> other, Host host, String name) {
    this.method = other.method;
    this.path = other.path;
    this.responseAdapter = other.responseAdapter;
    this.download = other.download;
    this.host = host;
    this.description = other.description;
    this.route = other.route;
    this.name = name;
  }

  /** The template as call listeners see it: {@code /v3/marketing/favor/stocks/{stock_id}/restart}. */
  private static String route(PathTemplate path) {
    // Placeholders written <p> become {p}, so a metric tag does not depend on how a declaration spelt them.
    String[] segments = path.template().split("/", -1);
    StringBuilder out = new StringBuilder(path.template().length() + 1);
    for (String segment : segments) {
      out.append('/');
      if (segment.length() > 2 && segment.charAt(0) == '<' && segment.charAt(segment.length() - 1) == '>') {
        out.append('{').append(segment, 1, segment.length() - 1).append('}');
      } else {
        out.append(segment);
      }
    }
    return out.toString();
  }

  /** An operation whose verified 2xx answer is decoded with {@code responseAdapter}. */
  public static <R> Operation<R> of(String method, String pathTemplate, JsonAdapter<R> responseAdapter) {
    return new Operation<>(method, pathTemplate, responseAdapter, false);
  }

  /** An operation whose answer, if any, is verified and then ignored. */
  public static Operation<@Nullable Void> withoutResponse(String method, String pathTemplate) {
    return new Operation<>(method, pathTemplate, null, false);
  }

  /**
   * A download that WeChat Pay does not sign (declared with {@code @UnsignedResponse}); its answer is
   * streamed and checked against the call's expected hash instead. {@code R} is the runtime's
   * {@code Download}.
   */
  public static <R> Operation<R> download(String method, String pathTemplate) {
    return new Operation<>(method, pathTemplate, null, true);
  }

  /**
   * The same operation served by another host; without this an operation goes to {@link Host#MAINLAND}.
   * Generated code calls it once, in the static initialiser, for a declaration such as
   * {@code @Endpoint(value = "hk/v3/transactions/app", host = Host.HONG_KONG)}.
   */
  public Operation<R> withHost(Host host) {
    Objects.requireNonNull(host, "host");
    return host == this.host ? this : new Operation<>(this, host, name);
  }

  /**
   * The same operation under the name call listeners and debug logs report, e.g. {@code RestartStock.post}
   * (the interface and the method that declare it). Generated code calls it once, in the static
   * initialiser; without it the name is the method and the route, e.g. {@code POST /v3/certificates}.
   */
  public Operation<R> named(String name) {
    Objects.requireNonNull(name, "name");
    return new Operation<>(this, host, name);
  }

  /** The name call listeners report; see {@link #named}. */
  public String name() {
    return name;
  }

  /**
   * The path template with a leading {@code /} and placeholders as {@code {name}}, e.g.
   * {@code /v3/marketing/favor/stocks/{stock_id}/restart}: the same for every call, so fit for a metric tag.
   */
  public String route() {
    return route;
  }

  /** Starts binding the values of one call. */
  public Call.Builder<R> call() {
    return new Call.Builder<>(this);
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** Package-private: the path's rules are the runtime's business, not generated code's. */
  PathTemplate path() {
    return path;
  }

  public @Nullable JsonAdapter<R> responseAdapter() {
    return responseAdapter;
  }

  /** The host whose base URI the path is resolved against. */
  public Host host() {
    return host;
  }

  /** Whether this is an unsigned download. */
  public boolean isDownload() {
    return download;
  }

  @Override
  public String toString() {
    return description;
  }
}
