package dev.wxpay.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Sends signed requests with java.net.http, and sends again, only when it is safe: a request that
 * provably never reached WeChat Pay, to the backup host if there is one. Immutable and thread-safe.
 */
final class Sender {
  private final HttpClient client;
  // The base URI, ending in '/', and the backup base a failed-over request moves to.
  private final String base;
  private final @Nullable String backupBase;
  private final int retries;

  Sender(HttpClient client, URI baseUri, @Nullable URI backupBaseUri, int retries) {
    this.client = client;
    this.base = baseUri.toString();
    this.backupBase = backupBaseUri == null ? null : backupBaseUri.toString();
    this.retries = retries;
  }

  /**
   * Sends a request; when it provably never reached the server (refused connection, unknown host,
   * connect timeout, failed TLS handshake) and retries are left, sends it again, to the backup host if
   * there is one and {@code failOver} allows it. After a timeout or an answer, even a 5xx, nothing is
   * resent: the caller decides. Once the returned future is done (answered, failed, timed out or
   * cancelled) no further attempt starts, and cancelling it cancels the attempt in flight.
   *
   * @param failOver whether the backup host serves this request: it stands in for the mainland host
   *     only, so a Hong Kong request is retried on its own host
   */
  <T> CompletableFuture<HttpResponse<T>> exchange(
      HttpRequest request, HttpResponse.BodyHandler<T> handler, boolean failOver) {
    CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
    attempt(request, handler, retries, failOver, result);
    return result;
  }

  private <T> void attempt(HttpRequest request, HttpResponse.BodyHandler<T> handler, int retriesLeft,
      boolean failOver, CompletableFuture<HttpResponse<T>> result) {
    CompletableFuture<HttpResponse<T>> sent = client.sendAsync(request, handler);
    result.whenComplete((response, error) -> {
      if (error != null) {
        sent.cancel(true);
      }
    });
    sent.whenComplete((response, error) -> {
      if (error == null) {
        result.complete(response);
      } else if (retriesLeft > 0 && neverReached(error) && !result.isDone()) {
        attempt(failOver ? otherHost(request) : request, handler, retriesLeft - 1, failOver, result);
      } else {
        result.completeExceptionally(error);
      }
    });
  }

  /** The same request (same signature: it covers the path, not the host) to the other host. */
  private HttpRequest otherHost(HttpRequest request) {
    if (backupBase == null) {
      return request;
    }
    String uri = request.uri().toString();
    String moved = uri.startsWith(base) ? backupBase + uri.substring(base.length())
        : uri.startsWith(backupBase) ? base + uri.substring(backupBase.length()) : uri;
    return HttpRequest.newBuilder(request, (name, value) -> true).uri(URI.create(moved)).build();
  }

  static boolean neverReached(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
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
