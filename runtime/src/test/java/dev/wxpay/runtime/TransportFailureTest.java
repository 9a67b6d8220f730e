package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.spi.Call;
import dev.wxpay.runtime.spi.Caller;
import dev.wxpay.runtime.spi.JsonAdapters;
import dev.wxpay.runtime.spi.PathTemplate;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How transport failures surface, sync and async. The "server" is a socket that accepts connections and
 * never answers (or a closed port), not an HTTP fake.
 */
class TransportFailureTest {
  private static final Call<String> CALL =
      Call.builder("GET", PathTemplate.parse("v3/certificates"), JsonAdapters.STRING).build();

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
    assertInstanceOf(HttpTimeoutException.class, e.getCause());
    assertEquals("GET /v3/certificates timed out", e.getMessage());
  }

  @Test
  void asyncTimeoutFailsTheFutureWithTheSameExceptionUnwrapped() {
    Caller caller = caller(silent.getLocalPort(), Duration.ofMillis(300));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> caller.executeAsync(CALL).get(10, TimeUnit.SECONDS));
    TransportException cause = assertInstanceOf(TransportException.class, e.getCause());
    assertInstanceOf(HttpTimeoutException.class, cause.getCause());
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
}
