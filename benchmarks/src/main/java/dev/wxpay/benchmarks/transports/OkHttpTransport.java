package dev.wxpay.benchmarks.transports;

import dev.wxpay.runtime.http.AnswerTooLargeException;
import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.NotSentException;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Benchmark-only: a transport on OkHttp 4. A buffered call is bounded by OkHttp's call timeout, which covers
 * the body; a download by a deadline that ends with its headers. OkHttp's own retries, redirects and
 * transparent gzip ({@code Accept-Encoding}, removed again by a network interceptor) are off.
 */
public final class OkHttpTransport implements HttpTransport {
  private static final byte[] EMPTY = new byte[0];

  private final OkHttpClient client;
  private final Deadlines deadlines = new Deadlines("okhttp");

  public OkHttpTransport(@Nullable SSLContext ssl, Duration connectTimeout) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder()
        .connectTimeout(connectTimeout)
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .protocols(List.of(Protocol.HTTP_1_1))
        .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
        .dispatcher(dispatcher())
        .eventListenerFactory(call -> {
          Exchange exchange = call.request().tag(Exchange.class);
          return exchange == null ? EventListener.NONE : exchange;
        })
        .addNetworkInterceptor(chain -> {
          Request request = chain.request();
          // BridgeInterceptor asks for gzip unless the caller did; wxpay's requests are sent as signed.
          Exchange exchange = request.tag(Exchange.class);
          if (exchange != null && exchange.request.header("Accept-Encoding") == null) {
            request = request.newBuilder().removeHeader("Accept-Encoding").build();
          }
          return chain.proceed(request);
        });
    if (ssl != null) {
      // OkHttp wants the trust manager for certificate-chain cleaning (pinning); the handshake itself is
      // checked by the socket factory's context.
      builder.sslSocketFactory(ssl.getSocketFactory(), systemTrustManager());
    }
    this.client = builder.build();
  }

  private static Dispatcher dispatcher() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(64);
    return dispatcher;
  }

  private static X509TrustManager systemTrustManager() {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509TrustManager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One call's request and whether it started to go out: a failure before that provably never reached
   * the server. Its event listener too, so OkHttp hands it the moment.
   */
  private static final class Exchange extends EventListener {
    final TransportRequest request;
    volatile boolean sending;

    Exchange(TransportRequest request) {
      this.request = request;
    }

    @Override
    public void requestHeadersStart(Call call) {
      sending = true;
    }
  }

  private Call newCall(TransportRequest request) {
    Request.Builder builder = new Request.Builder().url(request.url()).tag(Exchange.class, new Exchange(request));
    Headers.Builder headers = new Headers.Builder();
    for (int i = 0; i < request.headerCount(); i++) {
      headers.addUnsafeNonAscii(request.headerName(i), request.headerValue(i));
    }
    builder.headers(headers.build());
    byte[] body = request.body();
    String method = request.method();
    RequestBody requestBody = body != null ? RequestBody.create(body, null)
        : requiresBody(method) ? RequestBody.create(EMPTY, null) : null;
    builder.method(method, requestBody);
    Call call = client.newCall(builder.build());
    if (!request.streamed()) {
      call.timeout().timeout(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }
    return call;
  }

  private static boolean requiresBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  @Override
  public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    Call call = newCall(request);
    ScheduledFuture<?> deadline = request.streamed() ? deadlines.schedule(call::cancel, request.timeout()) : null;
    try {
      return answer(call, call.execute(), deadline, request.maxBodyBytes());
    } catch (IOException e) {
      throw failure(call, e, deadline);
    }
  }

  @Override
  public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
    Call call;
    try {
      call = newCall(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    ScheduledFuture<?> deadline = request.streamed() ? deadlines.schedule(call::cancel, request.timeout()) : null;
    CompletableFuture<TransportResponse> result = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
          call.cancel();
        }
        return cancelled;
      }
    };
    call.enqueue(new Callback() {
      @Override
      public void onResponse(Call c, Response response) {
        try {
          TransportResponse answer = answer(call, response, deadline, request.maxBodyBytes());
          if (!result.complete(answer)) {
            answer.close();
          }
        } catch (IOException e) {
          result.completeExceptionally(failure(call, e, deadline));
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call c, IOException e) {
        result.completeExceptionally(failure(call, e, deadline));
      }
    });
    return result;
  }

  private TransportResponse answer(Call call, Response response, @Nullable ScheduledFuture<?> deadline,
      long maxBodyBytes)
      throws IOException {
    ResponseBody body = response.body();
    TransportResponse.Headers headers = response::header;
    if (deadline != null) {
      deadline.cancel(false);
      if (call.isCanceled()) {
        response.close();
        throw new InterruptedIOException("timeout");
      }
      return TransportResponse.streamed(response.code(), headers, body.byteStream());
    }
    try (response) {
      return TransportResponse.of(response.code(), headers, read(body, maxBodyBytes));
    }
  }

  /** The whole body, or an AnswerTooLargeException once its declared length or the bytes read pass the limit. */
  private static byte[] read(ResponseBody body, long limit) throws IOException {
    if (body.contentLength() > limit) {
      throw new AnswerTooLargeException(limit);
    }
    okio.BufferedSource source = body.source();
    okio.Buffer out = new okio.Buffer();
    for (long n; (n = source.read(out, 8192)) != -1; ) {
      if (out.size() > limit) {
        throw new AnswerTooLargeException(limit);
      }
    }
    return out.readByteArray();
  }

  private static IOException failure(Call call, IOException e, @Nullable ScheduledFuture<?> deadline) {
    if (deadline != null) {
      deadline.cancel(false);
      if (call.isCanceled() && deadline.isDone() && !deadline.isCancelled()) {
        InterruptedIOException timeout = new InterruptedIOException("timeout");
        timeout.initCause(e);
        return timeout;
      }
    }
    if (e instanceof InterruptedIOException) {
      return e; // OkHttp's call timeout
    }
    Exchange exchange = call.request().tag(Exchange.class);
    return exchange != null && !exchange.sending ? new NotSentException(String.valueOf(e.getMessage()), e) : e;
  }

  @Override
  public void close() {
    deadlines.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
