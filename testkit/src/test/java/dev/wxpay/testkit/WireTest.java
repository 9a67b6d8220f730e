package dev.wxpay.testkit;

import static dev.wxpay.testkit.WireAssertions.assertError;
import static dev.wxpay.testkit.WireAssertions.bodyOf;
import static dev.wxpay.testkit.WireAssertions.verifies;
import static dev.wxpay.testkit.WireAssertions.verifiesSm2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.TestEndpoint;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.spi.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the sandbox puts on the wire, read off a raw socket: header names byte for byte as WeChat Pay spells
 * them, HTTP/1.1 framing (chunked bodies, 100-continue, keep-alive, pipelining, malformed requests), TLS
 * trust, and the certificate download a client makes before it knows a serial.
 */
class WireTest {
  private static final String PATH = "/v3/pay/transactions/out-trade-no/T1";

  /** A response as bytes: the head (status line and header lines, without the blank line) and the body. */
  private record Raw(String head, byte[] body) {
    int status() {
      return Integer.parseInt(head.substring(9, 12));
    }

    /** Header names in the order sent, exactly as spelled. */
    List<String> names() {
      List<String> names = new ArrayList<>();
      for (String line : head.split("\r\n", -1)) {
        int colon = line.indexOf(':');
        if (colon > 0 && !line.startsWith("HTTP/")) {
          names.add(line.substring(0, colon));
        }
      }
      return names;
    }

    String value(String exactName) {
      Matcher m = Pattern.compile("\r\n" + Pattern.quote(exactName) + ": ([^\r]*)").matcher(head);
      if (!m.find()) {
        throw new AssertionError("no header spelled " + exactName + " in\n" + head);
      }
      return m.group(1);
    }
  }

  private static Socket connect(WechatPaySandbox sandbox) throws IOException {
    Socket socket;
    if (sandbox.baseUri().getScheme().equals("https")) {
      SSLSocket tls = (SSLSocket) sandbox.sslContext().getSocketFactory().createSocket("127.0.0.1", sandbox.port());
      tls.startHandshake();
      socket = tls;
    } else {
      socket = new Socket("127.0.0.1", sandbox.port());
    }
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static String signedGet(WechatPaySandbox sandbox, String uri, String extraHeaders) {
    String authorization = MerchantRequest.to(sandbox).get(uri).computedAuthorization();
    return "GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization + "\r\n" + extraHeaders
        + "\r\n";
  }

  /** Reads one response framed by Content-Length (or none for 1xx, 204, 304). */
  private static Raw read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection ended inside a response head: " + head);
      }
      head.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
          : b == '\r' ? 1 : 0;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    text = text.substring(0, text.length() - 4);
    Matcher length = Pattern.compile("\r\nContent-Length: (\\d+)").matcher(text);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return new Raw(text, body);
  }

  private static Raw exchange(WechatPaySandbox sandbox, String request) throws IOException {
    try (Socket socket = connect(sandbox)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http RSA", "https RSA", "http SM2"})
  void answersSpellHeaderNamesExactlyAsWechatPayDoes(String mode) throws Exception {
    boolean sm2 = mode.endsWith("SM2");
    WechatPaySandbox.Builder builder = sm2 ? TestKeys.sm2Sandbox() : TestKeys.sandbox();
    try (WechatPaySandbox sandbox = (mode.startsWith("https") ? builder.https() : builder).start()) {
      sandbox.stub("GET", PATH, StubResponse.json("{\"trade_state\":\"SUCCESS\"}"));
      String authorization = sm2
          ? MerchantRequest.to(sandbox).get(PATH).sm2(TestKeys.MERCHANT_SM2.getPrivate()).computedAuthorization()
          : MerchantRequest.to(sandbox).get(PATH).computedAuthorization();
      Raw raw = exchange(sandbox, "GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
          + "\r\n\r\n");

      assertTrue(raw.head().startsWith("HTTP/1.1 200 OK\r\n"), raw.head());
      List<String> expected = new ArrayList<>(List.of("Date", "Content-Type", "Content-Length", "Connection",
          "Request-ID", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Timestamp", "Wechatpay-Serial",
          "Wechatpay-Signature-Type"));
      assertEquals(expected, raw.names());
      assertEquals("{\"trade_state\":\"SUCCESS\"}", new String(raw.body(), StandardCharsets.UTF_8));
      String timestamp = raw.value("Wechatpay-Timestamp");
      String nonce = raw.value("Wechatpay-Nonce");
      String signature = raw.value("Wechatpay-Signature");
      assertEquals(sandbox.wechatpayPublicKeyId(), raw.value("Wechatpay-Serial"));
      assertTrue(raw.value("Request-ID").matches("[0-9A-F]{32}"), raw.head());
      assertTrue(sm2 ? verifiesSm2(sandbox.wechatpayPublicKey(), signature, timestamp, nonce, raw.body())
          : verifies(sandbox.wechatpayPublicKey(), signature, timestamp, nonce, raw.body()));
      assertEquals(sm2 ? "WECHATPAY2-SM2-WITH-SM3" : "WECHATPAY2-SHA256-RSA2048",
          raw.value("Wechatpay-Signature-Type"));
    }
  }

  @Test
  void errorsAndRefusalsSpellThemExactlyToo() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().start()) {
      Raw raw = exchange(sandbox, "GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertEquals(401, raw.status());
      assertTrue(raw.head().startsWith("HTTP/1.1 401 Unauthorized\r\n"), raw.head());
      assertEquals(List.of("Date", "Content-Type", "Content-Length", "Connection", "Request-ID", "Wechatpay-Nonce",
          "Wechatpay-Signature", "Wechatpay-Timestamp", "Wechatpay-Serial", "Wechatpay-Signature-Type"),
          raw.names());
    }
  }

  @Test
  void readsChunkedBodiesAnswers100ContinueKeepsAliveAndPipelines() throws Exception {
    String body = "{\"stock_creator_mchid\":\"8956000\"}";
    try (WechatPaySandbox sandbox = TestKeys.sandbox().start(); Socket socket = connect(sandbox)) {
      sandbox.stub("POST", "/v3/echo", request -> StubResponse.json(request.bodyAsString()));
      sandbox.stub("GET", PATH, StubResponse.json("{}"));
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String authorization = MerchantRequest.to(sandbox).post("/v3/echo", body).computedAuthorization();
      out.write(("POST /v3/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\nAuthorization: " + authorization + "\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Raw interim = read(in);
      assertEquals("HTTP/1.1 100 Continue", interim.head());
      // Two chunks, one with an extension, then a trailer field.
      out.write(("5;x=y\r\n" + body.substring(0, 5) + "\r\n" + Integer.toHexString(body.length() - 5) + "\r\n"
          + body.substring(5) + "\r\n0\r\nX-Trailer: 1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Raw echoed = read(in);
      assertEquals(200, echoed.status(), echoed.head());
      assertEquals(body, new String(echoed.body(), StandardCharsets.UTF_8));
      assertTrue(sandbox.lastRequest().signatureValid(), sandbox.lastRequest().rejection());
      assertEquals("keep-alive", echoed.value("Connection"));

      // Two requests written at once on the same connection; the second asks to close it.
      out.write((signedGet(sandbox, PATH, "") + signedGet(sandbox, PATH, "Connection: close\r\n"))
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertEquals(200, read(in).status());
      Raw last = read(in);
      assertEquals(200, last.status());
      assertEquals("close", last.value("Connection"));
      assertEquals(-1, in.read());
      assertEquals(3, sandbox.requests().size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "400 GARBAGE\r\n\r\n",
      "400 GET /v3/x HTTP/1.1\r\nNo colon here\r\n\r\n",
      "400 GET /v3/x HTTP/1.1\r\nBad Name: 1\r\n\r\n",
      "400 POST /v3/x HTTP/1.1\r\nContent-Length: 12a\r\n\r\n",
      "400 POST /v3/x HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n",
      "400 POST /v3/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "400 GET v3/x HTTP/1.1\r\n\r\n",
      "501 POST /v3/x HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
      "505 PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
      "417 GET /v3/x HTTP/1.1\r\nExpect: something\r\n\r\n",
      "413 POST /v3/x HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n",
  })
  void refusesWhatItCannotReadAndClosesTheConnection(String testCase) throws Exception {
    int status = Integer.parseInt(testCase.substring(0, 3));
    try (WechatPaySandbox sandbox = TestKeys.sandbox().start(); Socket socket = connect(sandbox)) {
      socket.getOutputStream().write(testCase.substring(4).getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      Raw raw = read(socket.getInputStream());
      assertEquals(status, raw.status(), raw.head());
      assertEquals("close", raw.value("Connection"));
      assertTrue(new String(raw.body(), StandardCharsets.UTF_8).startsWith("{\"code\":\"PARAM_ERROR\""));
      assertEquals(-1, socket.getInputStream().read());
      // Nothing reached the application: no request recorded.
      assertTrue(sandbox.requests().isEmpty());
    }
  }

  @Test
  void clientsThatPreferHttp2FallBackToHttp11() throws Exception {
    // The JDK's HttpClient prefers HTTP/2: an h2c upgrade in plain text, ALPN over TLS. The sandbox, like
    // WeChat Pay's API, answers HTTP/1.1.
    HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    try (WechatPaySandbox plain = TestKeys.sandbox().start();
        WechatPaySandbox tls = TestKeys.sandbox().https().start()) {
      HttpResponse<String> upgrade = http2.send(HttpRequest.newBuilder(plain.baseUri().resolve("v3/x")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(401, upgrade.statusCode(), upgrade.body());
      assertEquals(HttpClient.Version.HTTP_1_1, upgrade.version());
      HttpClient alpn =
          HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(tls.sslContext()).build();
      HttpResponse<String> negotiated = alpn.send(HttpRequest.newBuilder(tls.baseUri().resolve("v3/x")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(401, negotiated.statusCode(), negotiated.body());
      assertEquals(HttpClient.Version.HTTP_1_1, negotiated.version());
    }
  }

  @Test
  void refusesOversizedHeaders() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().start()) {
      Raw raw = exchange(sandbox, "GET /v3/x HTTP/1.1\r\nX-Big: " + "a".repeat(Http1.MAX_LINE) + "\r\n\r\n");
      assertEquals(431, raw.status());
    }
  }

  @Test
  void refusesControlCharactersInHeaderValues() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().start()) {
      Raw bareCr = exchange(sandbox, "GET /v3/x HTTP/1.1\r\nX-A: a\rb\r\n\r\n");
      Raw nul = exchange(sandbox, "GET /v3/x HTTP/1.1\r\nX-A: a\u0000b\r\n\r\n");
      Raw tab = exchange(sandbox, "GET /v3/x HTTP/1.1\r\nX-A: a\tb\r\n\r\n");

      assertEquals(400, bareCr.status());
      assertEquals(400, nul.status());
      assertEquals(401, tab.status(), "a tab is allowed, and the unsigned request reaches the signature check");
    }
  }

  @Test
  void aStubWhoseAssertionFailsAnswers500NamingIt() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().start()) {
      sandbox.stub("GET", PATH, request -> {
        throw new AssertionError("expected another body");
      });

      Raw raw = exchange(sandbox, "GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
          + MerchantRequest.to(sandbox).get(PATH).computedAuthorization() + "\r\n\r\n");

      assertEquals(500, raw.status());
      assertTrue(new String(raw.body(), StandardCharsets.UTF_8).contains("expected another body"),
          new String(raw.body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void httpsTrustsOnlyTheSandboxCertificateAndChecksTheHostName() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().https().start();
        WechatPaySandbox other = TestKeys.sandbox().https().start()) {
      sandbox.stub("GET", PATH, StubResponse.json("{}"));
      assertEquals("https://127.0.0.1:" + sandbox.port() + "/", sandbox.baseUri().toString());
      // The JDK's default trust store does not know the sandbox.
      HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest get = HttpRequest.newBuilder(sandbox.baseUri().resolve(PATH.substring(1))).build();
      assertThrows(SSLHandshakeException.class, () -> defaultTrust.send(get, HttpResponse.BodyHandlers.ofString()));
      // Another sandbox's trust does not extend to this one.
      HttpClient otherTrust = HttpClient.newBuilder().sslContext(other.sslContext()).build();
      assertThrows(SSLHandshakeException.class, () -> otherTrust.send(get, HttpResponse.BodyHandlers.ofString()));
      // Its own trust works by IP address and by the name localhost, both in the certificate.
      HttpClient trusting = HttpClient.newBuilder().sslContext(sandbox.sslContext()).build();
      for (String host : List.of("127.0.0.1", "localhost")) {
        URI uri = URI.create("https://" + host + ":" + sandbox.port() + PATH);
        HttpResponse<String> response = trusting.send(HttpRequest.newBuilder(uri).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), response.body());
      }
      assertTrue(sandbox.tlsCertificate().getSubjectX500Principal().getName().contains("WeChat Pay sandbox"));
      sandbox.tlsCertificate().checkValidity();
      assertEquals(sandbox.tlsCertificate(), sandbox.trustManager().getAcceptedIssuers()[0]);
      assertEquals(1, sandbox.trustManager().getAcceptedIssuers().length);
    }
    try (WechatPaySandbox plain = TestKeys.sandbox().start()) {
      assertThrows(IllegalStateException.class, plain::sslContext);
      assertThrows(IllegalStateException.class, plain::trustManager);
      assertThrows(IllegalStateException.class, plain::tlsCertificate);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUBLIC_KEY", "CERTIFICATE", "MIXED"})
  void clientBuilderTalksHttpsInEveryMode(SandboxVerification verification) {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().verification(verification).https().start();
        WechatPay wxpay = sandbox.client()) {
      sandbox.stub("POST", "/v3/https/ping", StubResponse.json("{}"));
      wxpay.create(TestEndpoint.class).caller()
          .execute(Operation.withoutResponse("POST", "v3/https/ping").call().build());
      RecordedRequest request = sandbox.lastRequest();
      assertEquals("/v3/https/ping", request.uri());
      assertTrue(request.signatureValid(), request.rejection());
      // In certificate modes the client downloaded the certificates over HTTPS first.
      assertEquals(verification != SandboxVerification.PUBLIC_KEY,
          sandbox.requests().stream().anyMatch(r -> r.rawPath().equals("/v3/certificates")));
    }
  }

  @Test
  void certificateDownloadIsServedWithAnEmptyOrAbsentSerial() throws Exception {
    try (WechatPaySandbox sandbox = TestKeys.sandbox().verification(SandboxVerification.CERTIFICATE).start()) {
      String certificates = "/v3/certificates?algorithm_type=RSA";
      HttpResponse<byte[]> empty = MerchantRequest.to(sandbox).get(certificates).header("Wechatpay-Serial", "")
          .send();
      assertEquals(200, empty.statusCode(), bodyOf(empty));
      assertEquals("", sandbox.lastRequest().header("Wechatpay-Serial"));
      HttpResponse<byte[]> absent = MerchantRequest.to(sandbox).get(certificates).send();
      assertEquals(200, absent.statusCode(), bodyOf(absent));
      // A serial that names no certificate is still refused, on the download as anywhere.
      assertError(MerchantRequest.to(sandbox).get(certificates).header("Wechatpay-Serial", "5157F09EFDC096DE")
          .send(), 400, "PARAM_ERROR", "is not a platform certificate serial");
      // Elsewhere an empty serial is refused as before.
      sandbox.stub("GET", PATH, StubResponse.json("{}"));
      assertError(MerchantRequest.to(sandbox).get(PATH).header("Wechatpay-Serial", "").send(), 400, "PARAM_ERROR",
          "Wechatpay-Serial \\\"\\\" is not");
      HttpResponse<byte[]> named = MerchantRequest.to(sandbox).get(PATH)
          .header("Wechatpay-Serial", sandbox.platformCertificateSerial()).send();
      assertEquals(200, named.statusCode(), bodyOf(named));
    }
  }
}
