package dev.wxpay.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import dev.wxpay.runtime.WechatPay;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An in-process stand-in for WeChat Pay, for tests and samples: an HTTP server on 127.0.0.1 that checks
 * every request's {@code Authorization} signature exactly as WeChat Pay does, answers from stubs, signs
 * every response with its own WeChat Pay key, and records every request it receives.
 *
 * <pre>{@code
 * try (WechatPaySandbox sandbox = WechatPaySandbox.start()) {
 *   sandbox.stub("POST", "/v3/marketing/favor/stocks/9856000/restart",
 *       StubResponse.json("{\"stock_id\":\"9856000\"}"));
 *   // point a client at sandbox.baseUri() with sandbox.mchid(), sandbox.merchantSerialNo(),
 *   // sandbox.merchantPrivateKey(), sandbox.wechatpayPublicKeyId() and sandbox.wechatpayPublicKey()
 *   RecordedRequest request = sandbox.lastRequest();
 * }
 * }</pre>
 *
 * <p>What the sandbox checks, in this order; the first failure decides the answer:
 *
 * <ol>
 *   <li>{@code Authorization} is {@code WECHATPAY2-SHA256-RSA2048 } followed by the comma-separated pairs
 *       {@code mchid="…"}, {@code nonce_str="…"}, {@code timestamp="…"}, {@code serial_no="…"},
 *       {@code signature="…"} in any order, each exactly once; {@code mchid} and {@code serial_no} are the
 *       sandbox's; {@code nonce_str} is not empty; {@code timestamp} is within 300 seconds of the sandbox
 *       clock; {@code signature} is a Base64 SHA256withRSA signature by the merchant private key over
 *       {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}, where URL is the raw path and, if present, {@code ?}
 *       and the raw query, exactly as received. Otherwise: 401 {@code SIGN_ERROR}.
 *   <li>A {@code Wechatpay-Serial} request header, if present, is the WeChat Pay public key id; a request
 *       with a body has {@code Content-Type: application/json}. Otherwise: 400 {@code PARAM_ERROR}.
 *   <li>A stub exists for the method and raw path. Otherwise: 404 {@code NOT_FOUND}.
 * </ol>
 *
 * <p>Every response, errors included, carries {@code Request-ID}, {@code Wechatpay-Timestamp},
 * {@code Wechatpay-Nonce}, {@code Wechatpay-Serial} (the public key id) and {@code Wechatpay-Signature}, a
 * Base64 SHA256withRSA signature by the WeChat Pay private key over {@code TIMESTAMP\nNONCE\nBODY\n}.
 *
 * <p>Thread-safe; any number of sandboxes can run at once. Multipart uploads (which WeChat Pay signs over
 * their {@code meta} part) are not supported.
 */
public final class WechatPaySandbox implements AutoCloseable {
  /** The merchant id a sandbox uses unless told otherwise. */
  public static final String DEFAULT_MCHID = "1900000001";

  private static final String SIGN_TEST_PREFIX = "WECHATPAY/SIGNTEST/";
  private static final int THREADS = 16;
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final String mchid;
  private final String merchantSerialNo;
  private final KeyPair merchantKeyPair;
  private final String wechatpayPublicKeyId;
  private final KeyPair wechatpayKeyPair;
  private final Clock clock;
  private final SecureRandom random;
  private final AuthorizationCheck check;
  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUri;
  private final ConcurrentHashMap<String, Function<RecordedRequest, StubResponse>> stubs =
      new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private WechatPaySandbox(Builder builder, SecureRandom random) throws IOException {
    this.random = random;
    this.mchid = builder.mchid;
    this.merchantSerialNo = builder.merchantSerialNo != null ? builder.merchantSerialNo : randomHex(20);
    this.merchantKeyPair = builder.merchantKeyPair != null ? builder.merchantKeyPair : generateRsaKeyPair(random);
    this.wechatpayPublicKeyId =
        builder.wechatpayPublicKeyId != null ? builder.wechatpayPublicKeyId : "PUB_KEY_ID_" + randomDigits(24);
    this.wechatpayKeyPair =
        builder.wechatpayKeyPair != null ? builder.wechatpayKeyPair : generateRsaKeyPair(random);
    this.clock = builder.clock;
    this.check = new AuthorizationCheck(mchid, merchantSerialNo, merchantKeyPair.getPublic(), clock);

    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    this.server = HttpServer.create(new InetSocketAddress(loopback, builder.port), 0);
    int port = server.getAddress().getPort();
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "wechatpay-sandbox-" + port + "-" + threadNumber.incrementAndGet());
      // A sandbox a test forgot to close must not keep the JVM alive.
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    this.baseUri = URI.create("http://127.0.0.1:" + port + "/");
  }

  /**
   * Starts a sandbox on a free port with merchant {@value #DEFAULT_MCHID}, a random merchant certificate
   * serial, a random public key id and freshly generated RSA-2048 key pairs.
   *
   * @throws UncheckedIOException if the server cannot start
   */
  public static WechatPaySandbox start() {
    return builder().start();
  }

  /** Returns a builder to choose the merchant, keys, port or clock before starting. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------------------------------------------
  // Configuration a client needs.

  /** The base URI to give a client, {@code http://127.0.0.1:PORT/}. */
  public URI baseUri() {
    return baseUri;
  }

  /** The port the sandbox listens on, on 127.0.0.1. */
  public int port() {
    return baseUri.getPort();
  }

  /**
   * The clock the sandbox checks request timestamps against and stamps responses with; give it to a client
   * so that both agree on the time.
   */
  public Clock clock() {
    return clock;
  }

  /** The merchant id ({@code mchid}) requests must be signed as. */
  public String mchid() {
    return mchid;
  }

  /** The merchant certificate serial number requests must name as {@code serial_no}. */
  public String merchantSerialNo() {
    return merchantSerialNo;
  }

  /** The merchant private key, to sign requests with. */
  public PrivateKey merchantPrivateKey() {
    return merchantKeyPair.getPrivate();
  }

  /** The merchant public key, which the sandbox verifies requests with. */
  public PublicKey merchantPublicKey() {
    return merchantKeyPair.getPublic();
  }

  /** The merchant private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  public String merchantPrivateKeyPem() {
    return Pem.encode("PRIVATE KEY", encoded(merchantKeyPair.getPrivate().getEncoded(), "merchant private key"));
  }

  /** The id of the WeChat Pay public key, sent as {@code Wechatpay-Serial} on every response. */
  public String wechatpayPublicKeyId() {
    return wechatpayPublicKeyId;
  }

  /** The WeChat Pay public key, to verify responses with. */
  public PublicKey wechatpayPublicKey() {
    return wechatpayKeyPair.getPublic();
  }

  /** The WeChat Pay public key as SPKI PEM ({@code -----BEGIN PUBLIC KEY-----}). */
  public String wechatpayPublicKeyPem() {
    return Pem.encode("PUBLIC KEY", encoded(wechatpayKeyPair.getPublic().getEncoded(), "WeChat Pay public key"));
  }

  /**
   * Returns a client builder set up for this sandbox: merchant, WeChat Pay public key, base URI and the
   * sandbox's clock. Set anything else (timeouts, say), then {@code build()}.
   */
  public WechatPay.Builder clientBuilder() {
    return WechatPay.builder()
        .merchant(mchid, merchantSerialNo, merchantKeyPair.getPrivate())
        .wechatpayPublicKey(wechatpayPublicKeyId, wechatpayKeyPair.getPublic())
        .baseUri(baseUri)
        // The client's timestamps and skew checks must agree with the sandbox's clock.
        .clock(clock);
  }

  /** Returns a client set up for this sandbox; see {@link #clientBuilder()}. */
  public WechatPay client() {
    return clientBuilder().build();
  }

  // ---------------------------------------------------------------------------------------------------
  // Stubs.

  /**
   * Answers requests with this method and path with this response, once they pass the sandbox's checks.
   * A later stub for the same method and path replaces this one.
   *
   * @param method an HTTP method such as {@code POST} (case-insensitive)
   * @param path the raw request path, percent-encoding as the client sends it, such as
   *     {@code /v3/marketing/favor/stocks/9856000/restart}; the query of a request is ignored for matching
   * @throws IllegalArgumentException if the path does not start with {@code /} or has a query or fragment
   */
  public void stub(String method, String path, StubResponse response) {
    Objects.requireNonNull(response, "response");
    stub(method, path, request -> response);
  }

  /**
   * Answers requests with this method and path with whatever the function returns for each, for instance
   * to echo request data. The function runs on a server thread; if it throws, the sandbox answers 500
   * {@code SYSTEM_ERROR}. Matching is as for {@link #stub(String, String, StubResponse)}.
   */
  public void stub(String method, String path, Function<RecordedRequest, StubResponse> responder) {
    Objects.requireNonNull(responder, "responder");
    stubs.put(stubKey(checkMethod(method), checkPath(path)), responder);
  }

  /** Removes every stub. */
  public void clearStubs() {
    stubs.clear();
  }

  private static String checkMethod(String method) {
    if (method.isEmpty()) {
      throw new IllegalArgumentException("the method is empty");
    }
    return method.toUpperCase(Locale.ROOT);
  }

  private static String checkPath(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a stub path must start with '/', like /v3/..., was '" + path + "'");
    }
    if (path.contains("?") || path.contains("#")) {
      throw new IllegalArgumentException(
          "a stub path must not have a query or fragment (queries are ignored for matching), was '" + path + "'");
    }
    return path;
  }

  private static String stubKey(String method, String rawPath) {
    return method + " " + rawPath;
  }

  // ---------------------------------------------------------------------------------------------------
  // Recorded requests.

  /** Every request received so far, rejected ones included, in the order they were received. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * The request received last.
   *
   * @throws IllegalStateException if there is none
   */
  public RecordedRequest lastRequest() {
    RecordedRequest last = requests.peekLast();
    if (last == null) {
      throw new IllegalStateException("the sandbox has received no request");
    }
    return last;
  }

  /** Returns every request received so far and forgets them. */
  public List<RecordedRequest> takeRequests() {
    List<RecordedRequest> taken = new ArrayList<>();
    // Polling one by one loses nothing to requests that arrive meanwhile.
    for (RecordedRequest request; (request = requests.pollFirst()) != null; ) {
      taken.add(request);
    }
    return List.copyOf(taken);
  }

  /** Forgets every request received so far. */
  public void clear() {
    requests.clear();
  }

  // ---------------------------------------------------------------------------------------------------
  // Serving.

  private void handle(HttpExchange exchange) {
    try {
      send(exchange, answer(exchange));
    } catch (IOException e) {
      // The client went away; there is no one to answer.
    } catch (InterruptedException e) {
      // Closing the sandbox interrupts delayed responses.
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private StubResponse answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String method = exchange.getRequestMethod();
    URI target = exchange.getRequestURI();
    String rawPath = Objects.requireNonNullElse(target.getRawPath(), "");
    String rawQuery = target.getRawQuery();
    Headers headers = exchange.getRequestHeaders();
    String uri = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;

    AuthorizationCheck.Outcome outcome = check.check(headers.getFirst("Authorization"), method, uri, body);
    String rejection = outcome.rejection();
    int status = 401;
    String code = "SIGN_ERROR";
    if (rejection == null) {
      rejection = headerProblem(headers, body);
      status = 400;
      code = "PARAM_ERROR";
    }
    Function<RecordedRequest, StubResponse> stub = null;
    if (rejection == null) {
      stub = stubs.get(stubKey(method, rawPath));
      if (stub == null) {
        rejection = "no stub for " + method + " " + rawPath;
        status = 404;
        code = "NOT_FOUND";
      }
    }
    RecordedRequest recorded = new RecordedRequest(method, rawPath, rawQuery, headers, body, outcome.params(),
        outcome.accepted(), rejection);
    // Recorded before answering, so a client that got its response always finds its request here.
    requests.addLast(recorded);
    if (rejection != null || stub == null) {
      return StubResponse.error(status, code, Objects.requireNonNull(rejection));
    }
    try {
      StubResponse response = stub.apply(recorded);
      if (response == null) {
        return StubResponse.error(500, "SYSTEM_ERROR",
            "the stub for " + method + " " + rawPath + " returned null");
      }
      return response;
    } catch (RuntimeException e) {
      return StubResponse.error(500, "SYSTEM_ERROR", "the stub for " + method + " " + rawPath + " threw " + e);
    }
  }

  private @Nullable String headerProblem(Headers headers, byte[] body) {
    String serial = headers.getFirst("Wechatpay-Serial");
    if (serial != null && !serial.equals(wechatpayPublicKeyId)) {
      return "Wechatpay-Serial \"" + serial + "\" is not the WeChat Pay public key id \"" + wechatpayPublicKeyId
          + "\"";
    }
    if (body.length > 0) {
      String contentType = headers.getFirst("Content-Type");
      String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip();
      if (!mediaType.equalsIgnoreCase(StubResponse.JSON)) {
        return "a request with a body must have Content-Type application/json, was "
            + (contentType == null ? "none" : "\"" + contentType + "\"");
      }
    }
    return null;
  }

  private void send(HttpExchange exchange, StubResponse response) throws IOException, InterruptedException {
    Duration delay = response.delayDuration();
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    byte[] body = response.tampersBody() ? response.tamperedBody() : response.body();
    String timestamp =
        Long.toString(clock.instant().getEpochSecond() + response.timestampSkew().toSeconds());
    String nonce = randomHex(16);
    String signature;
    if (response.isSignTestProbe()) {
      byte[] junk = new byte[256];
      random.nextBytes(junk);
      signature = SIGN_TEST_PREFIX + Base64.getEncoder().encodeToString(junk);
    } else if (response.tampersSignature()) {
      signature = sign(timestamp, nonce, withTrailingSpace(body));
    } else {
      signature = sign(timestamp, nonce, response.tampersBody() ? response.body() : body);
    }
    String serial = response.serialOverride();

    Headers headers = exchange.getResponseHeaders();
    putUnlessDropped(headers, response, "Request-ID", randomHex(16));
    putUnlessDropped(headers, response, "Wechatpay-Timestamp", timestamp);
    putUnlessDropped(headers, response, "Wechatpay-Nonce", nonce);
    putUnlessDropped(headers, response, "Wechatpay-Serial", serial != null ? serial : wechatpayPublicKeyId);
    putUnlessDropped(headers, response, "Wechatpay-Signature", signature);
    String contentType = response.contentType();
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
    // -1 means no body; 0 would mean a chunked body of unknown length.
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void putUnlessDropped(Headers headers, StubResponse response, String name, String value) {
    if (!response.drops(name)) {
      headers.set(name, value);
    }
  }

  private static byte[] withTrailingSpace(byte[] body) {
    byte[] changed = Arrays.copyOf(body, body.length + 1);
    changed[body.length] = ' ';
    return changed;
  }

  /** Signs {@code TIMESTAMP\nNONCE\nBODY\n} with the WeChat Pay private key, as WeChat Pay signs responses. */
  private String sign(String timestamp, String nonce, byte[] body) {
    ByteArrayOutputStream message = new ByteArrayOutputStream(body.length + 64);
    message.writeBytes((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
    message.writeBytes(body);
    message.write('\n');
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(wechatpayKeyPair.getPrivate());
      signer.update(message.toByteArray());
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a response with the WeChat Pay private key", e);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Life cycle.

  /** Stops the server at once, abandoning delayed responses. Closing again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "WechatPaySandbox[" + baseUri + ", mchid " + mchid + (closed.get() ? ", closed" : "") + "]";
  }

  private String randomHex(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HEX.formatHex(value);
  }

  private String randomDigits(int count) {
    StringBuilder digits = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  private static byte[] encoded(byte @Nullable [] encoded, String what) {
    if (encoded == null) {
      throw new IllegalStateException("the " + what + " cannot be exported as PEM");
    }
    return encoded;
  }

  private static KeyPair generateRsaKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, random);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }

  /** Chooses a sandbox's merchant, keys, port and clock; anything not set gets the defaults of {@link #start()}. */
  public static final class Builder {
    private String mchid = DEFAULT_MCHID;
    private @Nullable String merchantSerialNo;
    private @Nullable KeyPair merchantKeyPair;
    private @Nullable String wechatpayPublicKeyId;
    private @Nullable KeyPair wechatpayKeyPair;
    private int port;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The merchant id requests must carry; {@value #DEFAULT_MCHID} by default. */
    public Builder mchid(String mchid) {
      this.mchid = requireText(mchid, "mchid");
      return this;
    }

    /** The merchant certificate serial number requests must carry; 40 random upper-case hex digits by default. */
    public Builder merchantSerialNo(String merchantSerialNo) {
      this.merchantSerialNo = requireText(merchantSerialNo, "merchantSerialNo");
      return this;
    }

    /** The merchant's RSA key pair; a fresh RSA-2048 pair by default. */
    public Builder merchantKeyPair(KeyPair keyPair) {
      this.merchantKeyPair = requireRsa(keyPair, "merchant");
      return this;
    }

    /** The id of the WeChat Pay public key; {@code PUB_KEY_ID_} and random digits by default. */
    public Builder wechatpayPublicKeyId(String publicKeyId) {
      this.wechatpayPublicKeyId = requireText(publicKeyId, "wechatpayPublicKeyId");
      return this;
    }

    /** WeChat Pay's RSA key pair, which signs responses; a fresh RSA-2048 pair by default. */
    public Builder wechatpayKeyPair(KeyPair keyPair) {
      this.wechatpayKeyPair = requireRsa(keyPair, "WeChat Pay");
      return this;
    }

    /** The port to listen on, on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The clock request timestamps are checked against and response timestamps are taken from; the system
     * clock by default.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Starts the sandbox.
     *
     * @throws UncheckedIOException if the server cannot start, for instance because the port is taken
     */
    public WechatPaySandbox start() {
      try {
        return new WechatPaySandbox(this, new SecureRandom());
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the WeChat Pay sandbox on 127.0.0.1:" + port, e);
      }
    }

    private static String requireText(String value, String name) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException(name + " must not be empty");
      }
      return value;
    }

    private static KeyPair requireRsa(KeyPair keyPair, String whose) {
      if (!"RSA".equals(keyPair.getPublic().getAlgorithm()) || !"RSA".equals(keyPair.getPrivate().getAlgorithm())) {
        throw new IllegalArgumentException("the " + whose + " key pair must be RSA, was "
            + keyPair.getPublic().getAlgorithm());
      }
      return keyPair;
    }
  }
}
