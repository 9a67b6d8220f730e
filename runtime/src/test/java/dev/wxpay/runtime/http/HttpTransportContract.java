package dev.wxpay.runtime.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.annotations.Host;
import dev.wxpay.runtime.Download;
import dev.wxpay.runtime.ServiceException;
import dev.wxpay.runtime.TestEndpoint;
import dev.wxpay.runtime.TestKeys;
import dev.wxpay.runtime.TransportException;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.spi.Call;
import dev.wxpay.runtime.spi.Caller;
import dev.wxpay.runtime.spi.JsonAdapters;
import dev.wxpay.runtime.spi.Operation;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link HttpTransport} must do, run through a {@link WechatPay} so that retries, timeouts,
 * fail-over and cancellation are checked as callers see them. A transport's test extends this class and
 * says how to make the transport; the servers are loopback sockets, silent or writing answers byte for byte.
 */
@Timeout(60)
public abstract class HttpTransportContract {
  private static final Call<String> CALL =
      Operation.of("GET", "v3/certificates", JsonAdapters.STRING).call().build();
  /** The only headers a transport may add: the ones HTTP/1.1 itself needs. */
  private static final Set<String> HTTP_HEADERS = Set.of("host", "content-length", "connection");

  private final List<AutoCloseable> toClose = Collections.synchronizedList(new ArrayList<>());
  private ServerSocket silent;

  /** A new transport with that connect timeout; the contract closes it. */
  protected abstract HttpTransport transport(Duration connectTimeout);

  @BeforeEach
  public void openSilentSocket() throws IOException {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  public void closeEverything() throws Exception {
    silent.close();
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private HttpTransport transport() {
    HttpTransport transport = transport(Duration.ofSeconds(5));
    toClose.add(transport);
    return transport;
  }

  private LoopbackServer server(LoopbackServer.Handler handler) throws IOException {
    LoopbackServer server = new LoopbackServer(handler);
    toClose.add(server);
    return server;
  }

  private WechatPay.Builder wxpay(URI baseUri, HttpTransport transport) {
    return WechatPay.builder()
        .merchant("1900000001", "SERIAL", TestKeys.MERCHANT.getPrivate())
        .wechatpayPublicKey(Answers.KEY_ID, TestKeys.WECHATPAY.getPublic())
        .baseUri(baseUri)
        .transport(transport);
  }

  private Caller caller(WechatPay.Builder builder) {
    WechatPay wxpay = builder.build();
    toClose.add(wxpay);
    return wxpay.create(TestEndpoint.class).caller();
  }

  private Caller caller(int port, Duration requestTimeout) {
    return caller(wxpay(URI.create("http://127.0.0.1:" + port + "/"), transport()).requestTimeout(requestTimeout));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The request timeout and the deadline on the whole exchange are equal; either may fire first. */
  private static void assertTimeout(Throwable cause) {
    assertTrue(cause instanceof HttpTimeoutException || cause instanceof TimeoutException
        || cause instanceof java.io.InterruptedIOException, String.valueOf(cause));
  }

  // --- timeouts ----------------------------------------------------------------------------------

  @Test
  public void timeoutIsATransportException() {
    Caller caller = caller(silent.getLocalPort(), Duration.ofMillis(300));
    TransportException e = assertThrows(TransportException.class, () -> caller.execute(CALL));
    assertTimeout(e.getCause());
    assertEquals("GET /v3/certificates timed out", e.getMessage());
  }

  @Test
  public void asyncTimeoutFailsTheFutureWithTheSameExceptionUnwrapped() {
    Caller caller = caller(silent.getLocalPort(), Duration.ofMillis(300));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> caller.executeAsync(CALL).get(10, TimeUnit.SECONDS));
    TransportException cause = assertInstanceOf(TransportException.class, e.getCause());
    assertTimeout(cause.getCause());
  }

  /** Answers the headers and the first byte of the body on the silent socket, then stops. */
  private Thread stallingMidBody() {
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
    return server;
  }

  @Test
  @Timeout(20)
  public void aBodyThatStallsAfterTheHeadersTimesOut() throws Exception {
    Thread server = stallingMidBody();
    Caller caller = caller(silent.getLocalPort(), Duration.ofMillis(500));

    TransportException e = assertThrows(TransportException.class, () -> caller.execute(CALL));

    assertEquals("GET /v3/certificates timed out", e.getMessage());
    server.interrupt();
  }

  @Test
  @Timeout(20)
  public void anAsyncBodyThatStallsAfterTheHeadersTimesOut() throws Exception {
    Thread server = stallingMidBody();
    Caller caller = caller(silent.getLocalPort(), Duration.ofMillis(500));
    long start = System.nanoTime();

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> caller.executeAsync(CALL).get(10, TimeUnit.SECONDS));

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals("GET /v3/certificates timed out",
        assertInstanceOf(TransportException.class, e.getCause()).getMessage());
    assertTrue(millis < 1_500, "took " + millis + " ms");
    server.interrupt();
  }

  // --- answer size --------------------------------------------------------------------------------

  private static final String TOO_LARGE =
      "GET /v3/certificates failed: answer longer than 4096 bytes (WechatPay.Builder.maxAnswerBytes); not read";

  private Caller limitedCaller(int port) {
    return caller(wxpay(URI.create("http://127.0.0.1:" + port + "/"), transport())
        .requestTimeout(Duration.ofSeconds(20))
        .maxAnswerBytes(4096));
  }

  /**
   * Declares a GiB and sends it slowly, so that only the declared length can end the call early. (The JDK's
   * client drops a cancelled connection when bytes next arrive on it, not before.)
   */
  private LoopbackServer declaringAGibibyte() throws IOException {
    return server((request, out) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n{\"a\":\"".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 150; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(100);
      }
    });
  }

  /** Streams chunks for as long as the client reads them. */
  private LoopbackServer endlesslyChunked() throws IOException {
    return server((request, out) -> {
      out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = ("400\r\n" + " ".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 1_000_000; i++) {
        out.write(chunk);
        out.flush();
      }
    });
  }

  @Test
  public void anAnswerDeclaredLongerThanTheLimitFailsAtOnceAndItsConnectionIsDropped() throws Exception {
    LoopbackServer server = declaringAGibibyte();
    Caller caller = limitedCaller(server.port());
    long start = System.nanoTime();

    TransportException e = assertThrows(TransportException.class, () -> caller.execute(CALL));

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(TOO_LARGE, e.getMessage());
    assertTrue(millis < 5_000, "took " + millis + " ms: the limit must not wait for the body");
    assertTrue(server.awaitClientClose(3_000), "the connection is still open");
  }

  @Test
  public void aChunkedAnswerFailsOnceItPassesTheLimitAndItsConnectionIsDropped() throws Exception {
    LoopbackServer server = endlesslyChunked();
    Caller caller = limitedCaller(server.port());

    TransportException e = assertThrows(TransportException.class, () -> caller.execute(CALL));

    assertEquals(TOO_LARGE, e.getMessage());
    assertTrue(server.awaitClientClose(3_000), "the connection is still open");
  }

  @Test
  public void anAsyncAnswerLongerThanTheLimitFailsTheFuture() throws Exception {
    LoopbackServer server = endlesslyChunked();
    Caller caller = limitedCaller(server.port());

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> caller.executeAsync(CALL).get(15, TimeUnit.SECONDS));

    assertEquals(TOO_LARGE, assertInstanceOf(TransportException.class, e.getCause()).getMessage());
    assertTrue(server.awaitClientClose(3_000), "the connection is still open");
  }

  @Test
  public void anAnswerOfExactlyTheLimitIsRead() throws Exception {
    String json = "\"" + "x".repeat(4094) + "\"";
    LoopbackServer server = server((request, out) -> out.write(Answers.signed(200, json)));
    Caller caller = limitedCaller(server.port());

    assertEquals(4094, caller.execute(CALL).length());
  }

  /** A server that sends a byte now and then never lets a per-read timeout fire: the deadline must. */
  private LoopbackServer trickling() throws IOException {
    return server((request, out) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 100; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(100);
      }
    });
  }

  @Test
  public void aBodyThatTricklesEndsByTheDeadlineAndItsConnectionIsDropped() throws Exception {
    LoopbackServer server = trickling();
    Caller caller = caller(server.port(), Duration.ofMillis(700));
    long start = System.nanoTime();

    TransportException e = assertThrows(TransportException.class, () -> caller.execute(CALL));

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals("GET /v3/certificates timed out", e.getMessage());
    assertTrue(millis < 1_700, "took " + millis + " ms");
    // What is left of the body is never read, so the connection cannot serve another request.
    assertTrue(server.awaitClientClose(3_000), "the connection is still open");
  }

  @Test
  public void anAsyncBodyThatTricklesEndsByTheDeadlineAndItsConnectionIsDropped() throws Exception {
    LoopbackServer server = trickling();
    Caller caller = caller(server.port(), Duration.ofMillis(700));
    long start = System.nanoTime();

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> caller.executeAsync(CALL).get(10, TimeUnit.SECONDS));

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTimeout(assertInstanceOf(TransportException.class, e.getCause()).getCause());
    assertTrue(millis < 1_700, "took " + millis + " ms");
    assertTrue(server.awaitClientClose(3_000), "the connection is still open");
  }

  @Test
  public void interruptRestoresTheFlag() {
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

  // --- connection failures, retries and fail-over ------------------------------------------------

  @Test
  public void refusedConnectionIsATransportException() throws IOException {
    int port = silent.getLocalPort();
    silent.close();
    Caller caller = caller(port, Duration.ofSeconds(10));
    TransportException e = assertThrows(TransportException.class, () -> caller.execute(CALL));
    assertInstanceOf(ConnectException.class, e.getCause());
    assertTrue(e.getMessage().startsWith("GET /v3/certificates failed"), e.getMessage());

    ExecutionException async = assertThrows(ExecutionException.class,
        () -> caller.executeAsync(CALL).get(10, TimeUnit.SECONDS));
    assertInstanceOf(ConnectException.class,
        assertInstanceOf(TransportException.class, async.getCause()).getCause());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  public void aRefusedConnectionIsRetriedOnTheBackupHost() throws Exception {
    LoopbackServer backup = server((request, out) -> out.write(Answers.signed(200, "\"from the backup\"")));
    Caller caller = caller(wxpay(URI.create("http://127.0.0.1:" + closedPort() + "/"), transport())
        .backupBaseUri(backup.baseUri())
        .retries(1));

    assertEquals("from the backup", caller.execute(CALL));
    assertEquals("from the backup", caller.executeAsync(CALL).get(10, TimeUnit.SECONDS));

    for (int i = 0; i < 2; i++) {
      LoopbackServer.Recorded request = backup.takeRequest(1);
      assertNotNull(request);
      assertEquals("/v3/certificates", request.target());
    }
  }

  @Test
  public void onlyMainlandRequestsFailOverToTheBackupHost() throws IOException {
    URI down = URI.create("http://127.0.0.1:" + closedPort() + "/");
    // Both hosts are down; the backup is the silent socket, so a request that reaches it times out.
    Caller caller = caller(wxpay(down, transport())
        .hongKongBaseUri(down)
        .backupBaseUri(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"))
        .retries(1)
        .requestTimeout(Duration.ofMillis(300)));
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

  // --- what goes out, what comes back ------------------------------------------------------------

  /** Hands requests on and keeps them, to compare with what the server received. */
  private static final class Recording implements HttpTransport {
    private final HttpTransport delegate;
    private final BlockingQueue<TransportRequest> requests = new LinkedBlockingQueue<>();

    Recording(HttpTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
      requests.add(request);
      return delegate.send(request);
    }

    @Override
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
      requests.add(request);
      return delegate.sendAsync(request);
    }
  }

  /**
   * The request line, headers and body as the runtime signed them; beyond them only Host, Content-Length
   * and Connection (no Accept-Encoding, User-Agent of the library, Expect, Transfer-Encoding, cookies).
   */
  private static void assertArrivedAsGiven(TransportRequest given, LoopbackServer.@Nullable Recorded got) {
    assertNotNull(got, "nothing arrived");
    URI url = URI.create(given.url());
    assertEquals(given.method(), got.method());
    assertEquals(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()), got.target());
    assertEquals(url.getRawAuthority(), got.header("Host"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < given.headerCount(); i++) {
      expected.add(given.headerName(i).toLowerCase(Locale.ROOT) + ": " + given.headerValue(i));
    }
    List<String> received = new ArrayList<>();
    for (String[] header : got.headers()) {
      String name = header[0].toLowerCase(Locale.ROOT);
      if (!HTTP_HEADERS.contains(name)) {
        received.add(name + ": " + header[1]);
      }
    }
    Collections.sort(expected);
    Collections.sort(received);
    assertEquals(expected, received, "headers other than " + HTTP_HEADERS);
    byte[] body = given.body() == null ? new byte[0] : given.body();
    assertArrayEquals(body, got.body());
    if (body.length > 0) {
      assertEquals(Integer.toString(body.length), got.header("Content-Length"));
    }
  }

  @Test
  public void requestsThroughWechatPayArriveExactlyAsSigned() throws Exception {
    LoopbackServer server = server((request, out) -> out.write(Answers.signed(200, "\"ok\"")));
    Recording transport = new Recording(transport());
    Caller caller = caller(wxpay(server.baseUri(), transport));
    Call<String> post = Operation.of("POST", "v3/marketing/{stock_id}/items", JsonAdapters.STRING).call()
        .path("stock_id", "a b/ü,+%")
        .query("q", "1,2 & =?")
        .queryList("list", List.of("A", "B"))
        .header("Idempotency-Key", "k-1 ; x")
        .body("中文 \"body\"", JsonAdapters.STRING)
        .build();
    Call<String> get = Operation.of("GET", "v3/pay/transactions/id/{id}", JsonAdapters.STRING).call()
        .path("id", "4200000001")
        .query("mchid", "1900000001")
        .build();

    assertEquals("ok", caller.execute(post));
    assertArrivedAsGiven(transport.requests.take(), server.takeRequest(5));
    assertEquals("ok", caller.execute(get));
    assertArrivedAsGiven(transport.requests.take(), server.takeRequest(5));
    assertEquals("ok", caller.executeAsync(post).get(10, TimeUnit.SECONDS));
    assertArrivedAsGiven(transport.requests.take(), server.takeRequest(5));
    assertEquals("ok", caller.executeAsync(get).get(10, TimeUnit.SECONDS));
    assertArrivedAsGiven(transport.requests.take(), server.takeRequest(5));
  }

  private static TransportRequest request(String method, String url, byte @Nullable [] body, String... headers) {
    String[] all = new String[headers.length + 2];
    System.arraycopy(headers, 0, all, 0, headers.length);
    all[headers.length] = "User-Agent";
    all[headers.length + 1] = "wxpay-contract";
    return TransportRequest.of(method, url, all, body, Duration.ofSeconds(5), false);
  }

  @Test
  public void everyMethodArrivesExactlyAsGiven() throws Exception {
    LoopbackServer server = server((request, out) -> out.write(Answers.answer(200, "", new byte[] {'x'})));
    HttpTransport transport = transport();
    String url = server.baseUri() + "v3/a%2Fb/c?x=%E4%B8%AD&y=1,2";
    byte[] json = "{\"k\":\"中\"}".getBytes(StandardCharsets.UTF_8);
    // Each has a User-Agent, as the runtime's requests always do: the JDK's client adds its own to a
    // request without one.
    List<TransportRequest> requests = List.of(
        request("GET", url, null, "Accept", "*/*"),
        request("DELETE", url, json, "Content-Type", "application/json"),
        request("DELETE", url, null),
        request("PATCH", url, json, "content-type", "application/json", "X-A", ""),
        request("PUT", url, json, "Content-Type", "text/plain"),
        request("POST", url, json, "Content-Type", "application/json", "Accept", "application/json"));
    for (TransportRequest request : requests) {
      TransportResponse response = transport.send(request);
      assertEquals(200, response.statusCode());
      assertArrayEquals(new byte[] {'x'}, response.body());
      assertArrivedAsGiven(request, server.takeRequest(5));

      TransportResponse async = transport.sendAsync(request).get(10, TimeUnit.SECONDS);
      assertArrayEquals(new byte[] {'x'}, async.body());
      assertArrivedAsGiven(request, server.takeRequest(5));
    }
  }

  @Test
  public void aSignedAnswerIsVerifiedAndDecoded() throws Exception {
    LoopbackServer server = server((request, out) -> out.write(Answers.signed(200, "\"中文 ✓\"")));
    Caller caller = caller(wxpay(server.baseUri(), transport()));
    assertEquals("中文 ✓", caller.execute(CALL));
    assertEquals("中文 ✓", caller.executeAsync(CALL).get(10, TimeUnit.SECONDS));
  }

  @Test
  public void anErrorAnswerIsAServiceExceptionWithItsRequestId() throws Exception {
    LoopbackServer server = server((request, out) -> out.write(Answers.answer(404,
        "Content-Type: application/json\r\nRequest-ID: 08F7-404\r\n",
        "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}".getBytes(StandardCharsets.UTF_8))));
    Caller caller = caller(wxpay(server.baseUri(), transport()));

    ServiceException e = assertThrows(ServiceException.class, () -> caller.execute(CALL));
    assertEquals(404, e.statusCode());
    assertEquals("ORDER_NOT_EXIST", e.code());
    assertEquals("订单不存在", e.errorMessage());
    assertEquals("08F7-404", e.requestId());

    ExecutionException async = assertThrows(ExecutionException.class,
        () -> caller.executeAsync(CALL).get(10, TimeUnit.SECONDS));
    assertEquals("08F7-404", assertInstanceOf(ServiceException.class, async.getCause()).requestId());
  }

  @Test
  public void cancellingAnAsyncCallClosesItsConnection() throws Exception {
    LoopbackServer server = server((request, out) -> {
      // Never answers.
    });
    Caller caller = caller(server.port(), Duration.ofSeconds(30));

    CompletableFuture<String> call = caller.executeAsync(CALL);
    assertNotNull(server.takeRequest(5), "the request never arrived");
    assertFalse(server.awaitClientClose(200));
    call.cancel(true);

    assertTrue(server.awaitClientClose(5_000), "the connection is still open");
  }

  @Test
  public void aDownloadIsStreamedAndNotCutByTheDeadline() throws Exception {
    CountDownLatch firstPartRead = new CountDownLatch(1);
    LoopbackServer server = server((request, out) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nabcd"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (!firstPartRead.await(10, TimeUnit.SECONDS)) {
        return;
      }
      // The whole body takes longer than the request timeout: only the headers are bound by it.
      for (String part : List.of("efgh", "ijkl")) {
        Thread.sleep(400);
        out.write(part.getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    });
    Caller caller = caller(server.port(), Duration.ofMillis(600));
    Call<Download> bill = Operation.<Download>download("GET", "v3/billdownload/file").call()
        .query("token", "t1").build();

    // Returns while the server holds the rest of the body back: the answer is streamed, not buffered.
    try (Download download = caller.execute(bill)) {
      InputStream in = download.stream();
      assertEquals("abcd", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
      firstPartRead.countDown();
      assertEquals("efghijkl", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }

    CountDownLatch second = new CountDownLatch(1);
    LoopbackServer again = server((request, out) -> {
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nabcd".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (second.await(10, TimeUnit.SECONDS)) {
        out.write("efgh".getBytes(StandardCharsets.US_ASCII));
      }
    });
    Caller asyncCaller = caller(again.port(), Duration.ofMillis(600));
    try (Download download = asyncCaller.executeAsync(bill).get(10, TimeUnit.SECONDS)) {
      InputStream in = download.stream();
      assertEquals("abcd", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
      second.countDown();
      assertEquals("efgh", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }
  }
}
