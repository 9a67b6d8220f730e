package dev.wxpay.benchmarks.transports;

import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.NotSentException;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Benchmark-only: a transport on Apache HttpClient 5's async client (non-blocking I/O on its reactor
 * threads). HttpClient's timeouts bound each read, so a deadline per call cancels the exchange; a download
 * is handed over when its headers are in and streams through a queue (no back-pressure: benchmark only).
 */
public final class ApacheAsyncTransport implements HttpTransport {
  private static final Object END = new Object();

  private final CloseableHttpAsyncClient client;
  private final Deadlines deadlines = new Deadlines("apache-async");

  public ApacheAsyncTransport(@Nullable SSLContext ssl, Duration connectTimeout) {
    PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
        .setMaxConnTotal(64)
        .setMaxConnPerRoute(64)
        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout)).build());
    if (ssl != null) {
      pool.setTlsStrategy(new DefaultClientTlsStrategy(ssl));
    }
    this.client = HttpAsyncClients.custom()
        .setConnectionManager(pool.build())
        .setDefaultRequestConfig(RequestConfig.custom().setHardCancellationEnabled(true).build())
        .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
    client.start();
  }

  @Override
  public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    CompletableFuture<TransportResponse> future = sendAsync(request);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }
  }

  @Override
  public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
    SimpleHttpRequest http;
    try {
      http = new SimpleHttpRequest(request.method(), URI.create(request.url()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    for (int i = 0; i < request.headerCount(); i++) {
      http.addHeader(request.headerName(i), request.headerValue(i));
    }
    byte[] body = request.body();
    if (body != null) {
      http.setBody(body, null);
    }
    http.setConfig(RequestConfig.custom()
        .setRedirectsEnabled(false)
        // Cancelling closes the connection (the client's default config must say so too).
        .setHardCancellationEnabled(true)
        .setResponseTimeout(request.streamed() ? Timeout.DISABLED : Timeout.of(request.timeout()))
        .setConnectionRequestTimeout(Timeout.of(request.timeout()))
        .build());

    Holder holder = new Holder();
    CompletableFuture<TransportResponse> result = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
          holder.abort();
        }
        return cancelled;
      }
    };
    FutureCallback<TransportResponse> callback = new FutureCallback<>() {
      @Override
      public void completed(TransportResponse response) {
        holder.deadline.cancel(false);
        if (!result.complete(response)) {
          try {
            response.close();
          } catch (IOException ignored) {
            // Nobody waits for it.
          }
        }
      }

      @Override
      public void failed(Exception e) {
        holder.deadline.cancel(false);
        result.completeExceptionally(holder.timedOut ? timeout(e) : mapped(e));
      }

      @Override
      public void cancelled() {
        holder.deadline.cancel(false);
        result.completeExceptionally(holder.timedOut ? timeout(null) : new CancellationException());
      }
    };
    AsyncResponseConsumer<TransportResponse> consumer = request.streamed() ? new Streaming(holder)
        : new Buffered(holder);
    holder.deadline = deadlines.schedule(holder::expire, request.timeout());
    holder.future = client.execute(SimpleRequestProducer.create(http), consumer, null, callback);
    if (holder.aborted) {
      holder.abort();
    }
    return result;
  }

  /** The exchange's HttpClient future, its deadline and whether it fired. */
  private static final class Holder {
    volatile @Nullable Future<TransportResponse> future;
    volatile ScheduledFuture<?> deadline;
    volatile boolean timedOut;
    volatile boolean aborted;

    void expire() {
      timedOut = true;
      abort();
    }

    void abort() {
      aborted = true;
      Future<TransportResponse> f = future;
      if (f != null) {
        f.cancel(true);
      }
    }
  }

  private static IOException timeout(@Nullable Exception cause) {
    SocketTimeoutException e = new SocketTimeoutException("not complete within the timeout");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  private static Exception mapped(Exception e) {
    if (e instanceof ConnectException || e instanceof ConnectTimeoutException || e instanceof UnknownHostException
        || e instanceof SSLHandshakeException) {
      return new NotSentException(String.valueOf(e.getMessage()), e);
    }
    return e;
  }

  private static TransportResponse.Headers headers(HttpResponse response) {
    return name -> {
      Header header = response.getFirstHeader(name);
      return header == null ? null : header.getValue();
    };
  }

  /** Reads the whole answer with HttpClient's own consumer. */
  private static final class Buffered implements AsyncResponseConsumer<TransportResponse> {
    private final AsyncResponseConsumer<SimpleHttpResponse> delegate = SimpleResponseConsumer.create();
    private final Holder holder;

    Buffered(Holder holder) {
      this.holder = holder;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
        FutureCallback<TransportResponse> callback) throws org.apache.hc.core5.http.HttpException, IOException {
      delegate.consumeResponse(response, entity, context, new FutureCallback<>() {
        @Override
        public void completed(SimpleHttpResponse simple) {
          callback.completed(TransportResponse.of(simple.getCode(), headers(simple), simple.getBodyBytes()));
        }

        @Override
        public void failed(Exception e) {
          callback.failed(e);
        }

        @Override
        public void cancelled() {
          callback.cancelled();
        }
      });
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context)
        throws org.apache.hc.core5.http.HttpException, IOException {
      delegate.informationResponse(response, context);
    }

    @Override
    public void failed(Exception cause) {
      delegate.failed(cause);
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
      delegate.updateCapacity(channel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
      if (holder.aborted) {
        // Cancelling the future ends the call but leaves the connection reading the body: this drops it.
        throw new IOException("aborted");
      }
      delegate.consume(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws org.apache.hc.core5.http.HttpException, IOException {
      delegate.streamEnd(trailers);
    }

    @Override
    public void releaseResources() {
      delegate.releaseResources();
    }
  }

  /** Hands the answer over at its headers; the body follows through a queue of chunks. */
  private static final class Streaming implements AsyncResponseConsumer<TransportResponse> {
    private final Holder holder;
    private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private volatile boolean closedByReader;

    Streaming(Holder holder) {
      this.holder = holder;
    }

    @Override
    public void consumeResponse(HttpResponse response, @Nullable EntityDetails entity, HttpContext context,
        FutureCallback<TransportResponse> callback) {
      if (entity == null) {
        chunks.add(END);
      }
      // The deadline ends with the headers: the body streams as fast as it is read.
      holder.deadline.cancel(false);
      callback.completed(TransportResponse.streamed(response.getCode(), headers(response), new Pipe()));
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {}

    @Override
    public void failed(Exception cause) {
      chunks.add(cause);
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
      channel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
      if (closedByReader) {
        // Once handed over the exchange cannot be cancelled; failing here drops the connection.
        throw new IOException("download closed before its end");
      }
      byte[] chunk = new byte[src.remaining()];
      src.get(chunk);
      chunks.add(chunk);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
      chunks.add(END);
    }

    @Override
    public void releaseResources() {}

    private final class Pipe extends InputStream {
      private byte @Nullable [] current;
      private int position;
      private boolean ended;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        while (current == null || position == current.length) {
          if (ended) {
            return -1;
          }
          Object next;
          try {
            next = chunks.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
          }
          if (next == END) {
            ended = true;
            return -1;
          }
          if (next instanceof Exception e) {
            throw e instanceof IOException io ? io : new IOException(e);
          }
          current = (byte[]) next;
          position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
      }

      @Override
      public void close() {
        if (!ended) {
          closedByReader = true;
          ended = true;
        }
      }
    }
  }

  @Override
  public void close() {
    deadlines.close();
    client.close(CloseMode.GRACEFUL);
  }
}
