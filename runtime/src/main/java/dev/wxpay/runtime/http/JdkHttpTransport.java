package dev.wxpay.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The default transport, on the JDK's {@link HttpClient}: no dependency beyond the JDK.
 *
 * <p>{@link #create(Duration)} makes the client wxpay needs: HTTP/1.1 (WeChat Pay's API answers over it),
 * no redirects, and no proxy lookup per request unless a proxy is configured through the standard system
 * properties or a replaced {@link ProxySelector}. {@link #of(HttpClient)} takes a client configured by the
 * caller (proxy, {@code SSLContext}, executor, version); it should not follow redirects.
 *
 * <p>A synchronous call runs on the calling thread ({@link HttpClient#send}), so no other thread is woken to
 * hand the answer over. The request timeout covers the whole body too, which {@code HttpClient}'s own
 * timeout stops short of.
 */
public final class JdkHttpTransport implements HttpTransport {
  private final HttpClient client;

  private JdkHttpTransport(HttpClient client) {
    this.client = client;
  }

  /** The transport wxpay uses by default. */
  public static JdkHttpTransport create(Duration connectTimeout) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
        .followRedirects(HttpClient.Redirect.NEVER);
    if (!proxyConfigured()) {
      // The default selector is asked on every request otherwise, for nothing.
      builder.proxy(HttpClient.Builder.NO_PROXY);
    }
    return new JdkHttpTransport(builder.build());
  }

  /** A transport on a client the caller configured and owns. */
  public static JdkHttpTransport of(HttpClient client) {
    return new JdkHttpTransport(Objects.requireNonNull(client, "client"));
  }

  /** Whether a proxy may be configured: the JDK's proxy properties, or a selector other than the JDK's. */
  static boolean proxyConfigured() {
    for (String property : List.of("http.proxyHost", "https.proxyHost", "socksProxyHost")) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        return true;
      }
    }
    if (Boolean.getBoolean("java.net.useSystemProxies")) {
      return true;
    }
    ProxySelector selector = ProxySelector.getDefault();
    return selector != null && !selector.getClass().getName().equals("sun.net.spi.DefaultProxySelector");
  }

  @Override
  public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + request.timeout().toNanos();
    HttpRequest http = toHttpRequest(request);
    if (request.streamed()) {
      return streamed(client.send(http, HttpResponse.BodyHandlers.ofInputStream()));
    }
    return read(client.send(http, readWhole(request, deadline)));
  }

  @Override
  public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
    long deadline = System.nanoTime() + request.timeout().toNanos();
    HttpRequest http;
    try {
      http = toHttpRequest(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (request.streamed()) {
      return client.sendAsync(http, HttpResponse.BodyHandlers.ofInputStream()).thenApply(JdkHttpTransport::streamed);
    }
    return client.sendAsync(http, readWhole(request, deadline)).thenApply(JdkHttpTransport::read);
  }

  /** Reads the body whole, within what is left of the deadline and the request's length limit. */
  private static HttpResponse.BodyHandler<byte[]> readWhole(TransportRequest request, long deadline) {
    return info -> new DeadlineBody(deadline - System.nanoTime(), request.maxBodyBytes(),
        info.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  private static HttpRequest toHttpRequest(TransportRequest request) {
    byte[] body = request.body();
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(request.timeout())
        .method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < request.headerCount(); i++) {
      builder.header(request.headerName(i), request.headerValue(i));
    }
    return builder.build();
  }

  private static TransportResponse read(HttpResponse<byte[]> response) {
    return TransportResponse.of(response.statusCode(), headers(response), response.body());
  }

  private static TransportResponse streamed(HttpResponse<InputStream> response) {
    return TransportResponse.streamed(response.statusCode(), headers(response), response.body());
  }

  private static TransportResponse.Headers headers(HttpResponse<?> response) {
    return name -> response.headers().firstValue(name).orElse(null);
  }

  /**
   * Reads the whole body, or fails and drops the connection: with an {@link HttpTimeoutException} when the
   * deadline passes first ({@code HttpClient}'s timeout ends once the headers are in, and a server that
   * stalls mid-body would otherwise hold the caller), or with an {@link AnswerTooLargeException} when the
   * body is longer than the request allows, as declared or as read.
   */
  private static final class DeadlineBody implements HttpResponse.BodySubscriber<byte[]> {
    private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final long limit;
    private final boolean declaredTooLong;
    private volatile Flow.@Nullable Subscription subscription;
    // Written by the one thread that delivers onNext at a time (Flow's rule), read by it alone.
    private long received;

    DeadlineBody(long remainingNanos, long limit, long contentLength) {
      this.limit = limit;
      this.declaredTooLong = contentLength > limit;
      bytes.getBody().whenComplete((value, error) -> {
        if (error == null) {
          body.complete(value);
        } else {
          body.completeExceptionally(error);
        }
      });
      // CompletableFuture's own timer thread fires this; it is unscheduled when the body completes first.
      body.orTimeout(Math.max(0, remainingNanos), TimeUnit.NANOSECONDS);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      bytes.onSubscribe(subscription);
      if (declaredTooLong) {
        // The caller fails at once; the connection is dropped when the first bytes arrive (onNext): the
        // JDK's client keeps it open when the subscription is cancelled before any.
        body.completeExceptionally(new AnswerTooLargeException(limit));
      }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      if (body.isDone()) {
        // Failed (too large, or timed out): cancelling closes the connection, the rest is never read.
        cancel();
        return;
      }
      for (ByteBuffer buffer : item) {
        received += buffer.remaining();
      }
      if (received > limit) {
        body.completeExceptionally(new AnswerTooLargeException(limit));
        cancel();
        return;
      }
      bytes.onNext(item);
    }

    private void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public void onError(Throwable throwable) {
      bytes.onError(throwable);
    }

    @Override
    public void onComplete() {
      bytes.onComplete();
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body.exceptionallyCompose(error -> {
        if (!(error instanceof TimeoutException)) {
          return CompletableFuture.failedFuture(error);
        }
        Flow.Subscription s = subscription;
        if (s != null) {
          // Cancelling closes the connection: what is left of the body is never read.
          s.cancel();
        }
        return CompletableFuture.failedFuture(new HttpTimeoutException("response body not complete within timeout"));
      });
    }
  }
}
