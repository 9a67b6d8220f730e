package dev.wxpay.benchmarks.transports;

import dev.wxpay.runtime.http.AnswerTooLargeException;
import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.NotSentException;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jspecify.annotations.Nullable;

/**
 * Benchmark-only: a transport on Jetty's HttpClient 12 (non-blocking I/O, HTTP/1.1). A buffered call is
 * bounded by Jetty's total timeout, which covers the body; a download waits for its headers within the
 * timeout and then streams. No redirects, no {@code Accept-Encoding}, no User-Agent of Jetty's own.
 */
public final class JettyTransport implements HttpTransport {

  private final HttpClient client;

  public JettyTransport(@Nullable SSLContext ssl, Duration connectTimeout) {
    ClientConnector connector = new ClientConnector();
    SslContextFactory.Client tls = new SslContextFactory.Client();
    if (ssl != null) {
      tls.setSslContext(ssl);
    }
    connector.setSslContextFactory(tls);
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("bench-jetty");
    threads.setDaemon(true);
    connector.setExecutor(threads);
    connector.setScheduler(new ScheduledExecutorScheduler("bench-jetty-scheduler", true));
    HttpClient jetty = new HttpClient(new HttpClientTransportOverHTTP(connector));
    jetty.setExecutor(threads);
    jetty.setFollowRedirects(false);
    jetty.setConnectTimeout(connectTimeout.toMillis());
    jetty.setMaxConnectionsPerDestination(64);
    jetty.setUserAgentField(null);
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty's client did not start", e);
    }
    // After start, which registers the gzip decoder: without decoders no Accept-Encoding is sent.
    jetty.getContentDecoderFactories().clear();
    this.client = jetty;
  }

  /** A request and whether it began to go out on a connection. */
  private static final class Exchange {
    final Request request;
    final int maxBodyBytes;
    volatile boolean begun;

    Exchange(HttpClient client, TransportRequest given) {
      this.maxBodyBytes = (int) Math.min(given.maxBodyBytes(), Integer.MAX_VALUE - 8);
      Request request = client.newRequest(URI.create(given.url())).method(given.method());
      request.headers(headers -> {
        for (int i = 0; i < given.headerCount(); i++) {
          headers.add(given.headerName(i), given.headerValue(i));
        }
      });
      byte[] body = given.body();
      if (body != null) {
        request.body(new BytesRequestContent((String) null, body));
      }
      if (!given.streamed()) {
        request.timeout(given.timeout().toNanos(), TimeUnit.NANOSECONDS);
      }
      request.onRequestBegin(r -> begun = true);
      this.request = request;
    }

    Exception failure(Throwable error) {
      Throwable e = error;
      while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
        e = e.getCause();
      }
      // CompletableResponseListener aborts a longer answer with this, from Content-Length or as it reads.
      if (e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).startsWith("Buffering capacity")) {
        AnswerTooLargeException tooLarge = new AnswerTooLargeException(maxBodyBytes);
        tooLarge.initCause(e);
        return tooLarge;
      }
      if (e instanceof TimeoutException) {
        SocketTimeoutException timeout = new SocketTimeoutException("not complete within the timeout");
        timeout.initCause(e);
        return timeout;
      }
      if (!begun && (e instanceof ConnectException || e instanceof UnknownHostException
          || e instanceof UnresolvedAddressException || e instanceof SSLHandshakeException
          || e instanceof SocketTimeoutException)) {
        return new NotSentException(String.valueOf(e.getMessage()), e);
      }
      if (e instanceof IOException || e instanceof CancellationException) {
        return (Exception) e;
      }
      return new IOException(e);
    }
  }

  private static TransportResponse read(ContentResponse response) {
    return TransportResponse.of(response.getStatus(), headers(response), response.getContent());
  }

  private static TransportResponse.Headers headers(Response response) {
    return name -> response.getHeaders().get(name);
  }

  @Override
  public TransportResponse send(TransportRequest given) throws IOException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    Exchange exchange = new Exchange(client, given);
    if (given.streamed()) {
      return streamed(exchange, given);
    }
    CompletableFuture<ContentResponse> future = new CompletableResponseListener(exchange.request, exchange.maxBodyBytes).send();
    try {
      return read(future.get());
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw rethrown(exchange.failure(e));
    }
  }

  private static IOException rethrown(Exception e) {
    return e instanceof IOException io ? io : new IOException(e);
  }

  private static TransportResponse streamed(Exchange exchange, TransportRequest given)
      throws IOException, InterruptedException {
    InputStreamResponseListener listener = new InputStreamResponseListener();
    exchange.request.send(listener);
    Response response;
    try {
      response = listener.get(given.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.request.abort(e);
      throw rethrown(exchange.failure(e));
    } catch (InterruptedException e) {
      exchange.request.abort(e);
      throw e;
    } catch (ExecutionException e) {
      throw rethrown(exchange.failure(e));
    }
    return TransportResponse.streamed(response.getStatus(), headers(response), listener.getInputStream());
  }

  @Override
  public CompletableFuture<TransportResponse> sendAsync(TransportRequest given) {
    Exchange exchange;
    try {
      exchange = new Exchange(client, given);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (given.streamed()) {
      // Waits for the headers on a pool thread: downloads are rare.
      return CompletableFuture.supplyAsync(() -> {
        try {
          return streamed(exchange, given);
        } catch (IOException | InterruptedException e) {
          throw new CompletionException(e);
        }
      }, client.getExecutor());
    }
    CompletableFuture<ContentResponse> sent = new CompletableResponseListener(exchange.request, exchange.maxBodyBytes).send();
    CompletableFuture<TransportResponse> result = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
          sent.cancel(true);
        }
        return cancelled;
      }
    };
    sent.whenComplete((response, error) -> {
      if (error == null) {
        result.complete(read(response));
      } else {
        result.completeExceptionally(exchange.failure(error));
      }
    });
    return result;
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      // Closing: nothing to do about it.
    }
  }
}
