package dev.wxpay.runtime;

import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Sends signed requests through the transport, and sends again, only when it is safe: a request that
 * provably never reached WeChat Pay, to the backup host if there is one. The same rules on every transport.
 * Immutable and thread-safe.
 */
final class Sender {
  private final HttpTransport transport;
  // The base URI, ending in '/', and the backup base a failed-over request moves to.
  private final String base;
  private final @Nullable String backupBase;
  private final int retries;

  Sender(HttpTransport transport, URI baseUri, @Nullable URI backupBaseUri, int retries) {
    this.transport = transport;
    this.base = baseUri.toString();
    this.backupBase = backupBaseUri == null ? null : backupBaseUri.toString();
    this.retries = retries;
  }

  /**
   * Sends a request on the calling thread; when it provably never reached the server (refused connection,
   * unknown host, connect timeout, failed TLS handshake) and retries and time are left, sends it again, to
   * the backup host if there is one and {@code failOver} allows it. After a timeout or an answer, even a
   * 5xx, nothing is resent: the caller decides. All attempts share the request's timeout.
   *
   * @param failOver whether the backup host serves this request: it stands in for the mainland host
   *     only, so a Hong Kong request is retried on its own host
   * @param trace told about each attempt; null when nobody listens
   */
  TransportResponse send(TransportRequest request, boolean failOver, @Nullable CallTrace trace)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + request.timeout().toNanos();
    TransportRequest attempt = request;
    for (int retriesLeft = retries; ; retriesLeft--) {
      long sent = trace == null ? 0 : trace.attemptStarted();
      TransportResponse response;
      try {
        response = transport.send(attempt);
      } catch (IOException | RuntimeException | InterruptedException e) {
        if (trace != null) {
          trace.attemptEnded(attempt, sent, null, e);
        }
        if (!(e instanceof IOException io)) {
          throw e;
        }
        long left = deadline - System.nanoTime();
        if (retriesLeft == 0 || left <= 0 || !neverReached(io)) {
          throw io;
        }
        attempt = (failOver ? otherHost(attempt) : attempt).withTimeout(Duration.ofNanos(left));
        continue;
      }
      // Outside the try: the answer, possibly a streamed body holding a connection, must reach the caller.
      if (trace != null) {
        trace.attemptEnded(attempt, sent, response, null);
      }
      return response;
    }
  }

  /**
   * Like {@link #send} without blocking, completing {@code result}. Once it is done (answered, failed, timed
   * out or cancelled) no further attempt starts, and the attempt in flight is cancelled and reported before
   * the stages the caller registered on {@code result} beforehand run (CompletableFuture runs the later
   * registered first): so a timed-out or cancelled call reports its attempt before its end.
   */
  void sendAsync(TransportRequest request, boolean failOver, @Nullable CallTrace trace,
      CompletableFuture<TransportResponse> result) {
    attempt(request, retries, failOver, result, trace);
  }

  private void attempt(TransportRequest request, int retriesLeft, boolean failOver,
      CompletableFuture<TransportResponse> result, @Nullable CallTrace trace) {
    long started = trace == null ? 0 : trace.attemptStarted();
    CompletableFuture<TransportResponse> sent = transportSendAsync(request);
    result.whenComplete((response, error) -> {
      if (error != null) {
        sent.cancel(true);
      }
    });
    sent.whenComplete((response, error) -> {
      if (trace != null) {
        Throwable failure = error;
        if (error instanceof CancellationException && result.isCompletedExceptionally()) {
          // Cancelled because the exchange ended first: its reason (a timeout, say) is the attempt's.
          failure = result.handle((value, why) -> why).join();
        }
        trace.attemptEnded(request, started, response, failure);
      }
      if (error == null) {
        if (!result.complete(response)) {
          // The caller gave up meanwhile; a streamed body must still be released.
          closeQuietly(response);
        }
      } else if (retriesLeft > 0 && neverReached(error) && !result.isDone()) {
        attempt(failOver ? otherHost(request) : request, retriesLeft - 1, failOver, result, trace);
      } else {
        result.completeExceptionally(error);
      }
    });
  }

  /**
   * The transport's future; failed if the transport throws instead: thrown on a retry, inside a
   * whenComplete, it would be lost and the call would hang until its timeout.
   */
  private CompletableFuture<TransportResponse> transportSendAsync(TransportRequest request) {
    try {
      return transport.sendAsync(request);
    } catch (Throwable e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static void closeQuietly(TransportResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // Nothing is waiting for it.
    }
  }

  /** The same request (same signature: it covers the path, not the host) to the other host. */
  private TransportRequest otherHost(TransportRequest request) {
    String backup = backupBase;
    if (backup == null) {
      return request;
    }
    String url = request.url();
    String moved = url.startsWith(base) ? backup + url.substring(base.length())
        : url.startsWith(backup) ? base + url.substring(backup.length()) : url;
    return request.withUrl(moved);
  }

  static boolean neverReached(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      // NotSentException (dev.wxpay.runtime.http), a transport's own word for it, is a ConnectException.
      if (cause instanceof java.net.ConnectException
          || cause instanceof java.net.http.HttpConnectTimeoutException
          || cause instanceof java.net.UnknownHostException
          || cause instanceof java.nio.channels.UnresolvedAddressException
          || cause instanceof javax.net.ssl.SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }
}
