package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.annotations.Host;
import dev.wxpay.runtime.spi.Call;
import dev.wxpay.runtime.spi.Operation;
import dev.wxpay.runtime.spi.Caller;
import dev.wxpay.runtime.spi.JsonAdapters;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How transport failures surface, sync and async. The "server" is a socket that accepts connections and
 * never answers (or a closed port), not an HTTP fake.
 */
class TransportFailureTest {
  private static final Call<String> CALL =
      Operation.of("GET", "v3/certificates", JsonAdapters.STRING).call().build();

  private ServerSocket silent;

  @BeforeEach
  void openSilentSocket() throws IOException {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void close() throws IOException {
    silent.close();
  }

  private static Caller caller(int port, Duration requestTimeout) {
    return WechatPay.builder()
        .merchant("1900000001", "SERIAL", TestKeys.MERCHANT.getPrivate())
        .wechatpayPublicKey("PUB_KEY_ID_1", TestKeys.WECHATPAY.getPublic())
        .baseUri(URI.create("http://127.0.0.1:" + port + "/"))
        .requestTimeout(requestTimeout)
        .build()
        .create(TestEndpoint.class)
        .caller();
  }

  @Test
  void timeoutIsATransportException() {
    Caller caller = caller(silent.getLocalPort(), Duration.ofMillis(300));
    TransportException e = assertThrows(TransportException.class, () -> caller.execute(CALL));
    assertTimeout(e.getCause());
    assertEquals("GET /v3/certificates timed out", e.getMessage());
  }

  /** The request timeout and the deadline on the whole exchange are equal; either may fire first. */
  private static void assertTimeout(Throwable cause) {
    assertTrue(cause instanceof HttpTimeoutException || cause instanceof TimeoutException, String.valueOf(cause));
  }

  @Test
  @Timeout(20)
  void aBodyThatStallsAfterTheHeadersTimesOut() throws Exception {
    Thread server = new Thread(() -> {
      try (Socket socket = silent.accept()) {
        socket.getInputStream().read(new byte[8192]);
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(15_000);
      } catch (IOException | InterruptedException e) {
        // The test closes the socket; nothing to report.
      }
    });
    server.setDaemon(true);
    server.start();
    Caller caller = caller(silent.getLocalPort(), Duration.ofMillis(500));

    TransportException e = assertThrows(TransportException.class, () -> caller.execute(CALL));

    assertEquals("GET /v3/certificates timed out", e.getMessage());
    server.interrupt();
  }


  @Test
  void asyncTimeoutFailsTheFutureWithTheSameExceptionUnwrapped() {
    Caller caller = caller(silent.getLocalPort(), Duration.ofMillis(300));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> caller.executeAsync(CALL).get(10, TimeUnit.SECONDS));
    TransportException cause = assertInstanceOf(TransportException.class, e.getCause());
    assertTimeout(cause.getCause());
  }

  @Test
  void interruptRestoresTheFlag() {
    Caller caller = caller(silent.getLocalPort(), Duration.ofSeconds(30));
    Thread.currentThread().interrupt();
    try {
      TransportException e = assertThrows(TransportException.class, () -> caller.execute(CALL));
      assertInstanceOf(InterruptedException.class, e.getCause());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void refusedConnectionIsATransportException() throws IOException {
    int port = silent.getLocalPort();
    silent.close();
    Caller caller = caller(port, Duration.ofSeconds(10));
    TransportException e = assertThrows(TransportException.class, () -> caller.execute(CALL));
    assertInstanceOf(ConnectException.class, e.getCause());
    assertTrue(e.getMessage().startsWith("GET /v3/certificates failed"), e.getMessage());

    ExecutionException async = assertThrows(ExecutionException.class,
        () -> caller.executeAsync(CALL).get(10, TimeUnit.SECONDS));
    assertInstanceOf(TransportException.class, async.getCause());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void onlyMainlandRequestsFailOverToTheBackupHost() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI down = URI.create("http://127.0.0.1:" + closedPort + "/");
    // Both hosts are down; the backup is the silent socket, so a request that reaches it times out.
    Caller caller = WechatPay.builder()
        .merchant("1900000001", "SERIAL", TestKeys.MERCHANT.getPrivate())
        .wechatpayPublicKey("PUB_KEY_ID_1", TestKeys.WECHATPAY.getPublic())
        .baseUri(down)
        .hongKongBaseUri(down)
        .backupBaseUri(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"))
        .retries(1)
        .requestTimeout(Duration.ofMillis(300))
        .build()
        .create(TestEndpoint.class)
        .caller();
    silent.setSoTimeout(300);

    Call<String> hongKong = Operation.of("GET", "hk/v3/transactions/id/{transaction_id}", JsonAdapters.STRING)
        .withHost(Host.HONG_KONG).call().path("transaction_id", "4200000001").build();
    TransportException e = assertThrows(TransportException.class, () -> caller.execute(hongKong));
    assertInstanceOf(ConnectException.class, e.getCause());
    // The backup stands in for the mainland host only: nothing connected to it.
    assertThrows(SocketTimeoutException.class, silent::accept);

    TransportException mainland = assertThrows(TransportException.class, () -> caller.execute(CALL));
    assertTimeout(mainland.getCause());
    silent.accept().close();
  }
}
