package dev.wxpay.runtime.http;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * What wxpay sends HTTP requests with. The runtime signs a request, hands it to the transport, and verifies
 * what comes back; retries, fail-over to the backup host and the mapping of failures to wxpay's exceptions
 * stay in the runtime, so they behave the same on every transport.
 *
 * <p>The default is {@link JdkHttpTransport}, on the JDK's {@code java.net.http.HttpClient}; other transports
 * come in their own modules (e.g. {@code wxpay-transport-apache}). Implementations are thread-safe and
 * share their connection pool between calls.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Send the method, URL, headers and body of the {@link TransportRequest} exactly as given: the runtime
 *       signed them. Add no header the request does not have, except the ones HTTP/1.1 itself needs
 *       ({@code Host}, {@code Content-Length}, {@code Connection}). Follow no redirects.
 *   <li>Return or throw within {@link TransportRequest#timeout()}, measured from the call: for a buffered
 *       answer until the whole body is read, for a {@linkplain TransportRequest#streamed() streamed} one until
 *       the headers are in.
 *   <li>Throw {@link NotSentException} (or a {@link java.net.ConnectException}) only when the request
 *       provably never reached the server: refused connection, unknown host, connect timeout, failed TLS
 *       handshake. The runtime may send such a request again; it never resends after any other failure.
 *   <li>Throw a {@link java.net.http.HttpTimeoutException} or a {@link java.io.InterruptedIOException} when
 *       the timeout passes, any other {@link IOException} for other failures.
 * </ul>
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Sends a request on the calling thread and waits for the answer.
   *
   * @throws IOException if the exchange failed or timed out (see the contract above)
   * @throws InterruptedException if the calling thread was interrupted; the exchange is abandoned
   */
  TransportResponse send(TransportRequest request) throws IOException, InterruptedException;

  /**
   * Sends a request without blocking. The future fails with the same exceptions as {@link #send}; cancelling
   * it abandons the exchange and frees its connection.
   */
  CompletableFuture<TransportResponse> sendAsync(TransportRequest request);

  /**
   * Releases what the transport holds (connections, threads). A {@code WechatPay} closes the transport it
   * made itself, never one it was given.
   */
  @Override
  default void close() {}
}
