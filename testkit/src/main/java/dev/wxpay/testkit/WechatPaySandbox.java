package dev.wxpay.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wxpay.runtime.WechatPay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
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
 *   <li>{@code Authorization} is the scheme of the sandbox's {@link SandboxAlgorithm} ({@code
 *       WECHATPAY2-SHA256-RSA2048} by default, {@code WECHATPAY2-SM2-WITH-SM3} in SM2 mode) followed by the
 *       comma-separated pairs {@code mchid="…"}, {@code nonce_str="…"}, {@code timestamp="…"},
 *       {@code serial_no="…"}, {@code signature="…"} in any order, each exactly once; {@code mchid} and
 *       {@code serial_no} are the sandbox's; {@code nonce_str} is not empty; {@code timestamp} is within 300
 *       seconds of the sandbox clock; {@code signature} is a Base64 signature (SHA256withRSA, or SM3withSM2
 *       DER-encoded with the default user id) by the merchant private key over
 *       {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}, where URL is the raw path and, if present, {@code ?}
 *       and the raw query, exactly as received, and BODY is the body, or for a {@code multipart/form-data}
 *       upload the text of its {@code meta} part. Otherwise: 401 {@code SIGN_ERROR}.
 *   <li>A {@code Wechatpay-Serial} request header, if present, is the WeChat Pay public key id or a platform
 *       certificate serial the sandbox has; a request with a body has {@code Content-Type: application/json},
 *       or is a {@code multipart/form-data} upload with exactly a {@code meta} part
 *       ({@code {"filename":…,"sha256":…}}) and a {@code file} part whose SHA-256 is {@code meta.sha256}.
 *       Otherwise: 400 {@code PARAM_ERROR}.
 *   <li>A stub exists for the method and raw path, or a built-in answer does: {@code GET /v3/certificates}
 *       (certificate and mixed modes), a {@link #bill registered bill} and its {@code
 *       GET /v3/billdownload/file}. Otherwise: 404 {@code NOT_FOUND}. Stubs win over built-in answers.
 * </ol>
 *
 * <p>Every response, errors included, carries {@code Request-ID}, {@code Wechatpay-Timestamp},
 * {@code Wechatpay-Nonce}, {@code Wechatpay-Serial} and {@code Wechatpay-Signature}, a Base64 signature over
 * {@code TIMESTAMP\nNONCE\nBODY\n}, and in SM2 mode {@code Wechatpay-Signature-Type}. Who signs depends on
 * the {@link SandboxVerification}: the WeChat Pay public key ({@code Wechatpay-Serial} is its id), or the
 * newest platform certificate's key ({@code Wechatpay-Serial} is the certificate serial number). Bill files
 * are sent unsigned, as WeChat Pay sends them.
 *
 * <p>The sandbox also builds signed, encrypted {@link #notification notifications} (callbacks), and can post
 * them to a URL.
 *
 * <p>Thread-safe; any number of sandboxes can run at once, each with its own keys and its own Bouncy Castle
 * provider instance (never registered with {@code java.security.Security}).
 */
public final class WechatPaySandbox implements AutoCloseable {
  /** The merchant id a sandbox uses unless told otherwise. */
  public static final String DEFAULT_MCHID = "1900000001";

  private static final String SIGN_TEST_PREFIX = "WECHATPAY/SIGNTEST/";
  private static final int THREADS = 16;
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String CERTIFICATES_PATH = "/v3/certificates";
  private static final String BILL_DOWNLOAD_PATH = "/v3/billdownload/file";

  private final SandboxAlgorithm algorithm;
  private final SandboxVerification verification;
  private final SandboxCrypto crypto;
  private final String mchid;
  private final String merchantSerialNo;
  private final KeyPair merchantKeyPair;
  private final @Nullable String wechatpayPublicKeyId;
  private final @Nullable KeyPair wechatpayKeyPair;
  private final String apiV3Key;
  private final Clock clock;
  private final SecureRandom random;
  private final AuthorizationCheck check;
  private final HttpServer server;
  private final ExecutorService executor;
  private final URI baseUri;
  private final ConcurrentHashMap<String, Function<RecordedRequest, StubResponse>> stubs =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, SandboxBill> bills = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, BillFile> billFiles = new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  /** The platform certificates, oldest first; replaced whole on rotation. */
  private volatile List<PlatformCertificate> certificates = List.of();
  private volatile @Nullable HttpClient notificationClient;

  /** A platform certificate with its key pair and its serial as WeChat Pay writes it. */
  private record PlatformCertificate(X509Certificate certificate, KeyPair keyPair, String serial) {}

  /** Who signs an answer: the serial it names and the private key. */
  private record SigningKey(String serial, PrivateKey key) {}

  /** What a bill download token serves. */
  /** A bill's content, uncompressed; whether its bill request asked for GZIP. */
  private record BillFile(byte[] bytes, boolean gzip) {}

  private WechatPaySandbox(Builder builder, SecureRandom random) throws IOException {
    this.random = random;
    this.algorithm = builder.algorithm;
    this.verification = builder.verification;
    this.crypto = new SandboxCrypto(algorithm);
    this.mchid = builder.mchid;
    this.clock = builder.clock;
    this.merchantSerialNo = builder.merchantSerialNo != null ? builder.merchantSerialNo : randomHex(20);
    this.merchantKeyPair = builder.merchantKeyPair != null
        ? requireFits(builder.merchantKeyPair, "merchant") : crypto.generateKeyPair(random);
    KeyPair given = builder.wechatpayKeyPair != null ? requireFits(builder.wechatpayKeyPair, "WeChat Pay") : null;
    if (verification == SandboxVerification.CERTIFICATE) {
      this.wechatpayPublicKeyId = null;
      this.wechatpayKeyPair = null;
    } else {
      this.wechatpayPublicKeyId =
          builder.wechatpayPublicKeyId != null ? builder.wechatpayPublicKeyId : "PUB_KEY_ID_" + randomDigits(24);
      this.wechatpayKeyPair = given != null ? given : crypto.generateKeyPair(random);
    }
    this.apiV3Key = builder.apiV3Key != null ? builder.apiV3Key : randomAlphanumeric(32);
    if (verification != SandboxVerification.PUBLIC_KEY) {
      // In certificate mode a given WeChat Pay key pair is the first certificate's.
      KeyPair first = verification == SandboxVerification.CERTIFICATE && given != null
          ? given : crypto.generateKeyPair(random);
      this.certificates = List.of(newCertificate(first));
    }
    PublicKey merchantPublicKey = merchantKeyPair.getPublic();
    this.check = new AuthorizationCheck(algorithm.scheme(), mchid, merchantSerialNo,
        (message, signature) -> crypto.verify(merchantPublicKey, message, signature), clock);

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

  private KeyPair requireFits(KeyPair keyPair, String whose) {
    if (!crypto.fits(keyPair.getPublic()) || !crypto.fits(keyPair.getPrivate())) {
      throw new IllegalArgumentException("the " + whose + " key pair must be "
          + (algorithm == SandboxAlgorithm.SM2 ? "SM2 (EC on sm2p256v1)" : "RSA") + " in " + algorithm
          + " mode, was " + keyPair.getPublic().getAlgorithm());
    }
    return keyPair;
  }

  private PlatformCertificate newCertificate(KeyPair keyPair) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    // A random positive serial of up to 160 bits, never zero.
    BigInteger serial = new BigInteger(160, random).setBit(0);
    X509Certificate certificate = crypto.certificate(keyPair, serial, now.minus(Duration.ofDays(1)),
        OffsetDateTime.ofInstant(now, ZoneOffset.UTC).plusYears(5).toInstant(), mchid);
    return new PlatformCertificate(certificate, keyPair, SandboxCrypto.serialHex(serial));
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

  /**
   * The id of the WeChat Pay public key, sent as {@code Wechatpay-Serial} on every response signed with it.
   *
   * @throws IllegalStateException in {@link SandboxVerification#CERTIFICATE} mode, which has no public key
   */
  public String wechatpayPublicKeyId() {
    return publicKeyId();
  }

  /**
   * The WeChat Pay public key, to verify responses with.
   *
   * @throws IllegalStateException in {@link SandboxVerification#CERTIFICATE} mode, which has no public key
   */
  public PublicKey wechatpayPublicKey() {
    return publicKeyPair().getPublic();
  }

  /**
   * The WeChat Pay public key as SPKI PEM ({@code -----BEGIN PUBLIC KEY-----}).
   *
   * @throws IllegalStateException in {@link SandboxVerification#CERTIFICATE} mode, which has no public key
   */
  public String wechatpayPublicKeyPem() {
    return Pem.encode("PUBLIC KEY", encoded(publicKeyPair().getPublic().getEncoded(), "WeChat Pay public key"));
  }

  private String publicKeyId() {
    if (wechatpayPublicKeyId == null) {
      throw new IllegalStateException("a sandbox in CERTIFICATE mode has no WeChat Pay public key");
    }
    return wechatpayPublicKeyId;
  }

  private KeyPair publicKeyPair() {
    if (wechatpayKeyPair == null) {
      throw new IllegalStateException("a sandbox in CERTIFICATE mode has no WeChat Pay public key");
    }
    return wechatpayKeyPair;
  }

  /** The algorithms this sandbox speaks; {@link SandboxAlgorithm#RSA} unless the builder chose SM2. */
  public SandboxAlgorithm algorithm() {
    return algorithm;
  }

  /** How clients verify this sandbox; {@link SandboxVerification#PUBLIC_KEY} unless the builder chose otherwise. */
  public SandboxVerification verification() {
    return verification;
  }

  /**
   * The APIv3 key (32 ASCII characters) that encrypts {@code GET /v3/certificates} answers and notification
   * resources.
   */
  public String apiV3Key() {
    return apiV3Key;
  }

  /**
   * The platform certificates, oldest first; the last one signs in {@link SandboxVerification#CERTIFICATE}
   * mode. Empty in {@link SandboxVerification#PUBLIC_KEY} mode.
   */
  public List<X509Certificate> platformCertificates() {
    return certificates.stream().map(PlatformCertificate::certificate).toList();
  }

  /**
   * The newest platform certificate as PEM ({@code -----BEGIN CERTIFICATE-----}).
   *
   * @throws IllegalStateException in {@link SandboxVerification#PUBLIC_KEY} mode, which has no certificate
   */
  public String platformCertificatePem() {
    try {
      return Pem.encode("CERTIFICATE", newestCertificate().certificate().getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the platform certificate", e);
    }
  }

  /**
   * The serial number of the newest platform certificate as WeChat Pay writes it: upper-case hex, left-padded
   * with {@code 0} to an even number of digits.
   *
   * @throws IllegalStateException in {@link SandboxVerification#PUBLIC_KEY} mode, which has no certificate
   */
  public String platformCertificateSerial() {
    return newestCertificate().serial();
  }

  /**
   * Adds a platform certificate with a new key pair and a new serial number, valid from a day ago for five
   * years, which from now on signs where certificates sign. Older certificates stay listed and accepted.
   *
   * @return the new certificate
   * @throws IllegalStateException in {@link SandboxVerification#PUBLIC_KEY} mode
   */
  public synchronized X509Certificate rotateCertificate() {
    if (verification == SandboxVerification.PUBLIC_KEY) {
      throw new IllegalStateException("a sandbox in PUBLIC_KEY mode has no platform certificates to rotate");
    }
    PlatformCertificate added = newCertificate(crypto.generateKeyPair(random));
    List<PlatformCertificate> all = new ArrayList<>(certificates);
    all.add(added);
    certificates = List.copyOf(all);
    return added.certificate();
  }

  private PlatformCertificate newestCertificate() {
    List<PlatformCertificate> all = certificates;
    if (all.isEmpty()) {
      throw new IllegalStateException("a sandbox in PUBLIC_KEY mode has no platform certificate");
    }
    return all.get(all.size() - 1);
  }

  /**
   * Returns a client builder set up for this sandbox as a merchant would set it up: the merchant key (RSA
   * or SM2), the WeChat Pay public key and/or platform certificates to download (per the verification
   * mode), the APIv3 key, the base URI and the sandbox's clock. Set anything else (timeouts, say), then
   * {@code build()}; with certificates, build() downloads them from the sandbox.
   */
  public WechatPay.Builder clientBuilder() {
    WechatPay.Builder builder = WechatPay.builder()
        .merchant(mchid, merchantSerialNo, merchantKeyPair.getPrivate())
        .baseUri(baseUri)
        // The client's timestamps and skew checks must agree with the sandbox's clock.
        .clock(clock);
    if (verification != SandboxVerification.CERTIFICATE) {
      builder.wechatpayPublicKey(publicKeyId(), publicKeyPair().getPublic());
    }
    if (verification != SandboxVerification.PUBLIC_KEY) {
      builder.platformCertificates(apiV3Key);
    } else {
      // Notifications need the APIv3 key in every mode.
      builder.apiV3Key(apiV3Key);
    }
    return builder;
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
  // Bills.

  /**
   * Serves a bill: {@code GET requestPath} (any query, such as {@code ?bill_date=2024-01-01&tar_type=GZIP})
   * answers a signed {@code {"hash_type":…,"hash_value":…,"download_url":…}} and the download URL,
   * {@code GET /v3/billdownload/file?token=…} (signed by the merchant like every request), answers the
   * content unsigned, gzip-compressed if the bill request had {@code tar_type=GZIP}. The hash is
   * the lower-case hex SHA-1 (SM3 in SM2 mode) of the uncompressed content, as WeChat Pay documents it
   * ("原始账单（gzip需要解压缩）的摘要值"). A stub for the same path wins over the bill.
   *
   * @param requestPath the raw path of the bill request, such as {@code /v3/bill/tradebill}
   */
  public void bill(String requestPath, byte[] content) {
    bill(requestPath, SandboxBill.of(content));
  }

  /** Serves a bill with options (hash type, corruption); see {@link #bill(String, byte[])}. */
  public void bill(String requestPath, SandboxBill bill) {
    Objects.requireNonNull(bill, "bill");
    bills.put(checkPath(requestPath), bill);
  }

  /** Stops serving every bill registered so far; download URLs handed out stop working too. */
  public void clearBills() {
    bills.clear();
    billFiles.clear();
  }

  // ---------------------------------------------------------------------------------------------------
  // Notifications.

  /**
   * Builds a notification of a transaction, as {@link #notification(String, String, String, String)} with
   * original type {@code transaction}.
   */
  public SandboxNotification notification(String eventType, String summary, String resourceJson) {
    return notification(eventType, summary, resourceJson, "transaction");
  }

  /**
   * Builds a notification as WeChat Pay sends it to a {@code notify_url}: the body
   * {@code {"id":…,"create_time":…,"resource_type":"encrypt-resource","event_type":…,"summary":…,
   * "resource":{"original_type":…,"algorithm":…,"ciphertext":…,"associated_data":…,"nonce":…}}}, where the
   * resource JSON is encrypted with {@code AEAD_AES_256_GCM} ({@code AEAD_SM4_GCM} in SM2 mode) under the APIv3
   * key, with the original type as associated data and a 12-character nonce; signed over
   * {@code TIMESTAMP\nNONCE\nBODY\n} by the key that signs responses by default (the public key, or the
   * newest platform certificate in certificate mode).
   *
   * @param eventType such as {@code TRANSACTION.SUCCESS}
   * @param summary such as {@code 支付成功}
   * @param resourceJson the plaintext resource, such as a transaction's JSON
   * @param originalType such as {@code transaction} or {@code refund}; also the associated data
   */
  public SandboxNotification notification(String eventType, String summary, String resourceJson,
      String originalType) {
    String nonce = randomAlphanumeric(12);
    String ciphertext = crypto.encrypt(apiV3Key.getBytes(StandardCharsets.UTF_8), nonce, originalType,
        resourceJson.getBytes(StandardCharsets.UTF_8));
    String body = SandboxJson.write(SandboxJson.object(
        "id", UUID.randomUUID().toString(),
        "create_time", SandboxJson.time(clock.instant()),
        "resource_type", "encrypt-resource",
        "event_type", eventType,
        "summary", summary,
        "resource", SandboxJson.object(
            "original_type", originalType,
            "algorithm", algorithm.aeadAlgorithm(),
            "ciphertext", ciphertext,
            "associated_data", originalType,
            "nonce", nonce)));
    SigningKey signing = signingKey(false);
    return new SandboxNotification(body.getBytes(StandardCharsets.UTF_8), clock.instant().getEpochSecond(),
        randomHex(16), signing.serial(), algorithm.scheme(), message -> crypto.sign(signing.key(), message));
  }

  /**
   * POSTs a notification to a URL as WeChat Pay does: its body with {@code Content-Type: application/json} and
   * its headers, over HTTP/1.1, waiting at most 10 seconds.
   *
   * @return the HTTP status the merchant's endpoint answered
   * @throws UncheckedIOException if the request fails or the thread is interrupted
   */
  public int postNotification(URI url, SandboxNotification notification) {
    HttpClient client = notificationClient;
    if (client == null) {
      synchronized (this) {
        client = notificationClient;
        if (client == null) {
          client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10)).build();
          notificationClient = client;
        }
      }
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", StubResponse.JSON)
        .header("User-Agent", "Mozilla/4.0")
        .POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()));
    notification.headers().forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot post the notification to " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted posting a notification to " + url));
    }
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
      // Without a response sent, closing the exchange closes the connection: how dropConnection() works.
      exchange.close();
    }
  }

  /** An upload's parts, or why they could not be read. */
  private record Upload(@Nullable String meta, byte @Nullable [] file, @Nullable String problem) {}

  private StubResponse answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String method = exchange.getRequestMethod();
    URI target = exchange.getRequestURI();
    String rawPath = Objects.requireNonNullElse(target.getRawPath(), "");
    String rawQuery = target.getRawQuery();
    Headers headers = exchange.getRequestHeaders();
    String uri = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;

    String contentType = headers.getFirst("Content-Type");
    Upload upload = body.length > 0 && Multipart.isFormData(contentType)
        ? readUpload(body, Objects.requireNonNull(contentType)) : null;
    // WeChat Pay checks an upload's signature over its meta JSON, not over the multipart body.
    byte[] signed = upload != null && upload.meta() != null
        ? upload.meta().getBytes(StandardCharsets.UTF_8) : body;
    AuthorizationCheck.Outcome outcome = check.check(headers.getFirst("Authorization"), method, uri, signed);
    String rejection = outcome.rejection();
    int status = 401;
    String code = "SIGN_ERROR";
    if (rejection == null) {
      rejection = headerProblem(headers, body, upload);
      status = 400;
      code = "PARAM_ERROR";
    }
    Function<RecordedRequest, StubResponse> responder = null;
    if (rejection == null) {
      responder = stubs.get(stubKey(method, rawPath));
      if (responder == null) {
        responder = builtIn(method, rawPath);
      }
      if (responder == null) {
        rejection = "no stub for " + method + " " + rawPath;
        status = 404;
        code = "NOT_FOUND";
      }
    }
    RecordedRequest recorded = new RecordedRequest(method, rawPath, rawQuery, headers, body, outcome.params(),
        outcome.accepted(), rejection, upload == null ? null : upload.meta(), upload == null ? null : upload.file());
    // Recorded before answering, so a client that got its response always finds its request here.
    requests.addLast(recorded);
    if (rejection != null || responder == null) {
      return StubResponse.error(status, code, Objects.requireNonNull(rejection));
    }
    try {
      StubResponse response = responder.apply(recorded);
      if (response == null) {
        return StubResponse.error(500, "SYSTEM_ERROR",
            "the stub for " + method + " " + rawPath + " returned null");
      }
      if (response.isSignedWithCertificate() && verification == SandboxVerification.PUBLIC_KEY) {
        return StubResponse.error(500, "SYSTEM_ERROR", "the stub for " + method + " " + rawPath
            + " asks to be signed with a certificate, but the sandbox is in PUBLIC_KEY mode");
      }
      return response;
    } catch (RuntimeException e) {
      return StubResponse.error(500, "SYSTEM_ERROR", "the stub for " + method + " " + rawPath + " threw " + e);
    }
  }

  private static Upload readUpload(byte[] body, String contentType) {
    List<Multipart.Part> parts;
    try {
      parts = Multipart.parse(body, Multipart.boundary(contentType));
    } catch (IllegalArgumentException e) {
      return new Upload(null, null, e.getMessage());
    }
    Multipart.Part meta = null;
    Multipart.Part file = null;
    String problem = null;
    for (Multipart.Part part : parts) {
      if ("meta".equals(part.name()) && meta == null) {
        meta = part;
      } else if ("file".equals(part.name()) && file == null) {
        file = part;
      } else if (problem == null) {
        problem = "an upload must have exactly a meta part and a file part, had a "
            + (part.name() == null ? "nameless" : "duplicate or unknown \"" + part.name() + "\"") + " part";
      }
    }
    if (problem == null && (meta == null || file == null)) {
      problem = "an upload must have exactly a meta part and a file part, "
          + (meta == null ? "the meta part is missing" : "the file part is missing");
    }
    // The meta part, when there is one, is what the signature covers, even if the upload is malformed.
    return new Upload(meta == null ? null : new String(meta.content(), StandardCharsets.UTF_8),
        file == null ? null : file.content(), problem);
  }

  private @Nullable String headerProblem(Headers headers, byte[] body, @Nullable Upload upload) {
    String serial = headers.getFirst("Wechatpay-Serial");
    if (serial != null && !knownSerials().contains(serial)) {
      return "Wechatpay-Serial \"" + serial + "\" is not "
          + switch (verification) {
            case PUBLIC_KEY -> "the WeChat Pay public key id \"" + wechatpayPublicKeyId + "\"";
            case CERTIFICATE -> "a platform certificate serial " + knownSerials();
            case MIXED -> "the WeChat Pay public key id or a platform certificate serial " + knownSerials();
          };
    }
    if (upload != null) {
      return uploadProblem(upload);
    }
    if (body.length > 0) {
      String contentType = headers.getFirst("Content-Type");
      String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip();
      if (!mediaType.equalsIgnoreCase(StubResponse.JSON)) {
        return "a request with a body must have Content-Type application/json, was "
            + (contentType == null ? "none" : "\"" + contentType + "\"")
            + " (multipart/form-data is for uploads)";
      }
    }
    return null;
  }

  private static @Nullable String uploadProblem(Upload upload) {
    if (upload.problem() != null) {
      return upload.problem();
    }
    Map<?, ?> meta;
    try {
      meta = SandboxJson.parseObject(Objects.requireNonNull(upload.meta()));
    } catch (IllegalArgumentException e) {
      return "the meta part of an upload is not a JSON object: " + e.getMessage();
    }
    if (!(meta.get("filename") instanceof String filename) || filename.isEmpty()) {
      return "the meta part of an upload has no filename";
    }
    if (!(meta.get("sha256") instanceof String sha256)) {
      return "the meta part of an upload has no sha256";
    }
    String actual = sha256Hex(Objects.requireNonNull(upload.file()));
    if (!actual.equalsIgnoreCase(sha256)) {
      return "the sha256 of the file part is " + actual + ", but meta.sha256 is \"" + sha256 + "\"";
    }
    return null;
  }

  private static String sha256Hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The serials a request's {@code Wechatpay-Serial} may name. */
  private Set<String> knownSerials() {
    Set<String> serials = new LinkedHashSet<>();
    if (wechatpayPublicKeyId != null) {
      serials.add(wechatpayPublicKeyId);
    }
    for (PlatformCertificate certificate : certificates) {
      serials.add(certificate.serial());
    }
    return serials;
  }

  /** The answer the sandbox gives by itself to a request no stub matches, or null if there is none. */
  private @Nullable Function<RecordedRequest, StubResponse> builtIn(String method, String rawPath) {
    if (!"GET".equals(method)) {
      return null;
    }
    if (rawPath.equals(CERTIFICATES_PATH) && verification != SandboxVerification.PUBLIC_KEY) {
      return this::certificatesAnswer;
    }
    if (rawPath.equals(BILL_DOWNLOAD_PATH)) {
      return this::billFileAnswer;
    }
    SandboxBill bill = bills.get(rawPath);
    if (bill != null) {
      return request -> billAnswer(bill, request);
    }
    return null;
  }

  private StubResponse certificatesAnswer(RecordedRequest request) {
    // WeChat Pay lists the certificates of one algorithm, algorithm_type=RSA|SM2|ALL, RSA by default.
    String type = query(request.rawQuery()).getOrDefault("algorithm_type", "RSA");
    if (!List.of("RSA", "SM2", "ALL").contains(type)) {
      return StubResponse.error(400, "PARAM_ERROR",
          "algorithm_type must be RSA, SM2 or ALL, was \"" + type + "\"");
    }
    List<Map<String, Object>> data = new ArrayList<>();
    if (type.equals("ALL") || type.equals(algorithm.name())) {
      byte[] key = apiV3Key.getBytes(StandardCharsets.UTF_8);
      for (PlatformCertificate platform : certificates) {
        X509Certificate certificate = platform.certificate();
        String nonce = randomAlphanumeric(12);
        String pem;
        try {
          pem = Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
          throw new IllegalStateException("cannot encode a platform certificate", e);
        }
        data.add(SandboxJson.object(
            "serial_no", platform.serial(),
            "effective_time", SandboxJson.time(certificate.getNotBefore().toInstant()),
            "expire_time", SandboxJson.time(certificate.getNotAfter().toInstant()),
            "encrypt_certificate", SandboxJson.object(
                "algorithm", algorithm.aeadAlgorithm(),
                "nonce", nonce,
                "associated_data", "certificate",
                "ciphertext", crypto.encrypt(key, nonce, "certificate", pem.getBytes(StandardCharsets.UTF_8)))));
      }
    }
    return StubResponse.json(SandboxJson.write(SandboxJson.object("data", data)));
  }

  private StubResponse billAnswer(SandboxBill bill, RecordedRequest request) {
    boolean gzip = "GZIP".equals(query(request.rawQuery()).get("tar_type"));
    String hashType = Objects.requireNonNullElse(bill.hashTypeOverride(), algorithm.hashType());
    String hash = crypto.hashHex(hashType, bill.content());
    String token = randomAlphanumeric(32);
    byte[] served = bill.served();
    billFiles.put(token, new BillFile(served, gzip));
    String url = baseUri + BILL_DOWNLOAD_PATH.substring(1) + "?token=" + token + (gzip ? "&tartype=gzip" : "");
    return StubResponse.json(SandboxJson.write(
        SandboxJson.object("hash_type", hashType, "hash_value", hash, "download_url", url)));
  }

  private StubResponse billFileAnswer(RecordedRequest request) {
    String token = query(request.rawQuery()).get("token");
    BillFile file = token == null ? null : billFiles.get(token);
    if (file == null) {
      return StubResponse.error(400, "PARAM_ERROR", token == null
          ? "the bill download has no token" : "the bill download token \"" + token + "\" is unknown");
    }
    // Compressed only when the download asks with tartype=gzip, as the download_url of a GZIP bill does.
    boolean gzip = "gzip".equalsIgnoreCase(query(request.rawQuery()).get("tartype"));
    // WeChat Pay does not sign bill files.
    return StubResponse.raw(200, gzip ? "application/x-gzip" : "text/plain;charset=utf-8",
        gzip ? gzip(file.bytes()) : file.bytes()).unsigned();
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The query's parameters, percent-decoded; the first of repeated ones wins. */
  private static Map<String, String> query(@Nullable String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        parameters.putIfAbsent(name, value);
      }
    }
    return parameters;
  }

  /** The key an answer is signed with: the public key, or the newest certificate's where that signs. */
  private SigningKey signingKey(boolean certificate) {
    if (verification == SandboxVerification.CERTIFICATE
        || (certificate && verification == SandboxVerification.MIXED)) {
      PlatformCertificate newest = newestCertificate();
      return new SigningKey(newest.serial(), newest.keyPair().getPrivate());
    }
    return new SigningKey(publicKeyId(), publicKeyPair().getPrivate());
  }

  private void send(HttpExchange exchange, StubResponse response) throws IOException, InterruptedException {
    Duration delay = response.delayDuration();
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    if (response.dropsConnection()) {
      // No status line: handle() closes the exchange, which closes the connection.
      return;
    }
    byte[] body = response.tampersBody() ? response.tamperedBody() : response.body();
    Headers headers = exchange.getResponseHeaders();
    putUnlessDropped(headers, response, "Request-ID", randomHex(16));
    if (!response.isUnsigned()) {
      SigningKey signing = signingKey(response.isSignedWithCertificate());
      String timestamp =
          Long.toString(clock.instant().getEpochSecond() + response.timestampSkew().toSeconds());
      String nonce = randomHex(16);
      String signature;
      if (response.isSignTestProbe()) {
        byte[] junk = new byte[256];
        random.nextBytes(junk);
        signature = SIGN_TEST_PREFIX + Base64.getEncoder().encodeToString(junk);
      } else if (response.tampersSignature()) {
        signature = sign(signing, timestamp, nonce, withTrailingSpace(body));
      } else {
        signature = sign(signing, timestamp, nonce, response.tampersBody() ? response.body() : body);
      }
      String serial = response.serialOverride();
      putUnlessDropped(headers, response, "Wechatpay-Timestamp", timestamp);
      putUnlessDropped(headers, response, "Wechatpay-Nonce", nonce);
      putUnlessDropped(headers, response, "Wechatpay-Serial", serial != null ? serial : signing.serial());
      putUnlessDropped(headers, response, "Wechatpay-Signature", signature);
      if (response.signatureTypeOverride() != null) {
        putUnlessDropped(headers, response, StubResponse.SIGNATURE_TYPE, response.signatureTypeOverride());
      } else if (algorithm == SandboxAlgorithm.SM2) {
        // WeChat Pay names the signature type on SM answers (国密指引: 新增HTTP头Wechatpay-Signature-Type).
        putUnlessDropped(headers, response, StubResponse.SIGNATURE_TYPE, algorithm.scheme());
      }
    }
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

  /** Signs {@code TIMESTAMP\nNONCE\nBODY\n}, as WeChat Pay signs responses. */
  private String sign(SigningKey signing, String timestamp, String nonce, byte[] body) {
    return crypto.sign(signing.key(), SandboxNotification.message(timestamp, nonce, body));
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
    return "WechatPaySandbox[" + baseUri + ", mchid " + mchid + ", " + algorithm + ", " + verification
        + (closed.get() ? ", closed" : "") + "]";
  }

  private String randomHex(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HEX.formatHex(value);
  }

  private String randomAlphanumeric(int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return out.toString();
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

  /**
   * Chooses a sandbox's algorithm, verification mode, merchant, keys, APIv3 key, port and clock; anything not
   * set gets the defaults of {@link #start()}.
   */
  public static final class Builder {
    private SandboxAlgorithm algorithm = SandboxAlgorithm.RSA;
    private SandboxVerification verification = SandboxVerification.PUBLIC_KEY;
    private @Nullable String apiV3Key;
    private String mchid = DEFAULT_MCHID;
    private @Nullable String merchantSerialNo;
    private @Nullable KeyPair merchantKeyPair;
    private @Nullable String wechatpayPublicKeyId;
    private @Nullable KeyPair wechatpayKeyPair;
    private int port;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The algorithms to speak: {@link SandboxAlgorithm#RSA} (the default) or {@link SandboxAlgorithm#SM2}, in
     * which the merchant's and WeChat Pay's keys are SM2 keys.
     */
    public Builder algorithm(SandboxAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * How clients verify the sandbox: {@link SandboxVerification#PUBLIC_KEY} (the default),
     * {@link SandboxVerification#CERTIFICATE} or {@link SandboxVerification#MIXED}.
     */
    public Builder verification(SandboxVerification verification) {
      this.verification = Objects.requireNonNull(verification, "verification");
      return this;
    }

    /**
     * The APIv3 key; 32 random letters and digits by default.
     *
     * @throws IllegalArgumentException unless it is 32 bytes in UTF-8
     */
    public Builder apiV3Key(String apiV3Key) {
      int bytes = apiV3Key.getBytes(StandardCharsets.UTF_8).length;
      if (bytes != 32) {
        throw new IllegalArgumentException("the APIv3 key must be 32 bytes, was " + bytes);
      }
      this.apiV3Key = apiV3Key;
      return this;
    }

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

    /**
     * The merchant's key pair: RSA, or SM2 in {@link SandboxAlgorithm#SM2} mode; a fresh RSA-2048 (or SM2)
     * pair by default.
     *
     * @throws IllegalArgumentException if it is neither RSA nor SM2; {@link #start()} throws it if the key pair
     *     does not fit the algorithm
     */
    public Builder merchantKeyPair(KeyPair keyPair) {
      this.merchantKeyPair = requireRsaOrSm2(keyPair, "merchant");
      return this;
    }

    /** The id of the WeChat Pay public key; {@code PUB_KEY_ID_} and random digits by default. */
    public Builder wechatpayPublicKeyId(String publicKeyId) {
      this.wechatpayPublicKeyId = requireText(publicKeyId, "wechatpayPublicKeyId");
      return this;
    }

    /**
     * WeChat Pay's key pair, which signs responses: the public key's, or in
     * {@link SandboxVerification#CERTIFICATE} mode the first platform certificate's; RSA, or SM2 in
     * {@link SandboxAlgorithm#SM2} mode; a fresh pair by default.
     *
     * @throws IllegalArgumentException if it is neither RSA nor SM2; {@link #start()} throws it if the key pair
     *     does not fit the algorithm
     */
    public Builder wechatpayKeyPair(KeyPair keyPair) {
      this.wechatpayKeyPair = requireRsaOrSm2(keyPair, "WeChat Pay");
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
     * @throws IllegalArgumentException if a given key pair does not fit the algorithm
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

    private static KeyPair requireRsaOrSm2(KeyPair keyPair, String whose) {
      boolean rsa = "RSA".equals(keyPair.getPublic().getAlgorithm())
          && "RSA".equals(keyPair.getPrivate().getAlgorithm());
      boolean sm2 = SandboxCrypto.isSm2(keyPair.getPublic()) && SandboxCrypto.isSm2(keyPair.getPrivate());
      if (!rsa && !sm2) {
        throw new IllegalArgumentException("the " + whose + " key pair must be RSA or SM2 (EC on sm2p256v1), was "
            + keyPair.getPublic().getAlgorithm());
      }
      return keyPair;
    }
  }
}
