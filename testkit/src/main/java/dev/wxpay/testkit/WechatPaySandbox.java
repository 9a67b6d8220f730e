// Over 400 lines on purpose: this is the sandbox's whole public API with its Javadoc, which has to live on
// WechatPaySandbox and its nested Builder. Every method hands over to a package-private part.
package dev.wxpay.testkit;

import dev.wxpay.runtime.WechatPay;
import dev.wxpay.runtime.http.JdkHttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * An in-process stand-in for WeChat Pay, for tests and samples: an HTTP/1.1 server on 127.0.0.1 (plain, or
 * {@link Builder#https() HTTPS}) that checks every request's {@code Authorization} signature exactly as WeChat
 * Pay does, answers from stubs, signs every response with its own WeChat Pay key, and records every request it
 * receives. It speaks to any client as WeChat Pay does, down to the spelling of header names, so a client that
 * works against WeChat Pay works against the sandbox with only its base URL changed (and, over HTTPS, the
 * sandbox's certificate trusted).
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
 *       certificate serial the sandbox has (on {@code GET /v3/certificates} it may also be empty: a client has
 *       no serial to name before its first download); a request with a body has
 *       {@code Content-Type: application/json}, or is a {@code multipart/form-data} upload with exactly a
 *       {@code meta} part ({@code {"filename":…,"sha256":…}}) and a {@code file} part whose SHA-256 is
 *       {@code meta.sha256}.
 *       Otherwise: 400 {@code PARAM_ERROR}.
 *   <li>A stub exists for the method and raw path, or a built-in answer does: {@code GET /v3/certificates}
 *       (certificate and mixed modes), a {@link #bill registered bill} and its {@code
 *       GET /v3/billdownload/file}. Otherwise: 404 {@code NOT_FOUND}. Stubs win over built-in answers.
 * </ol>
 *
 * <p>Every response, errors included, carries {@code Request-ID}, {@code Wechatpay-Nonce},
 * {@code Wechatpay-Signature}, a Base64 signature over {@code TIMESTAMP\nNONCE\nBODY\n},
 * {@code Wechatpay-Timestamp}, {@code Wechatpay-Serial} and {@code Wechatpay-Signature-Type} (the scheme,
 * {@code WECHATPAY2-SHA256-RSA2048} or {@code WECHATPAY2-SM2-WITH-SM3}), each name spelled exactly so (some
 * clients look headers up by exact case). Who signs depends on the {@link SandboxVerification}: the WeChat Pay
 * public key ({@code Wechatpay-Serial} is its id), or the newest platform certificate in effect
 * ({@code Wechatpay-Serial} is the certificate serial number). Bill files are sent unsigned, as WeChat Pay
 * sends them, and so are the front end's refusals of requests that are not well-formed HTTP (400, 413, 417,
 * 431, 501, 505), which close the connection.
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

  // The parts, one job each; this class is only their public face.
  private final SandboxKeys keys;
  private final Clock clock;
  private final SandboxServer server;
  private final Stubs stubs = new Stubs();
  private final RequestLog requests = new RequestLog();
  private final Bills bills;
  private final Notifications notifications;

  private WechatPaySandbox(Builder builder, SandboxRandom random) throws IOException {
    this.clock = builder.clock;
    this.keys = new SandboxKeys(builder, random);
    SandboxTls tls = builder.https ? new SandboxTls(random.secureRandom(), keys.crypto().provider()) : null;
    this.server = new SandboxServer(builder.port, keys, clock, random, tls);
    this.bills = new Bills(keys.crypto(), random, server.baseUri());
    this.notifications = new Notifications(keys, random, clock);
    server.start(new RequestHandler(keys, clock, stubs, bills, requests));
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

  /**
   * The base URI to give a client, {@code http://127.0.0.1:PORT/}, or {@code https://127.0.0.1:PORT/} for a
   * sandbox built with {@link Builder#https()}.
   */
  public URI baseUri() {
    return server.baseUri();
  }

  /** The port the sandbox listens on, on 127.0.0.1. */
  public int port() {
    return server.baseUri().getPort();
  }

  /**
   * The sandbox's self-signed TLS certificate, for {@code 127.0.0.1} and {@code localhost}, valid for a year
   * from the day before the sandbox started (by the system clock).
   *
   * @throws IllegalStateException unless the sandbox was built with {@link Builder#https()}
   */
  public X509Certificate tlsCertificate() {
    return tls().certificate();
  }

  /**
   * A trust manager that trusts the sandbox's {@link #tlsCertificate()} and nothing else, for clients that take
   * one, such as OkHttp's {@code sslSocketFactory(sslContext().getSocketFactory(), trustManager())}.
   *
   * @throws IllegalStateException unless the sandbox was built with {@link Builder#https()}
   */
  public X509TrustManager trustManager() {
    return tls().trustManager();
  }

  /**
   * A client {@link SSLContext} that trusts the sandbox's {@link #tlsCertificate()} and nothing else, for a JDK
   * {@code HttpClient} ({@code HttpClient.newBuilder().sslContext(...)}) or any client that takes one. Host
   * names are still checked by the client, as against WeChat Pay.
   *
   * @throws IllegalStateException unless the sandbox was built with {@link Builder#https()}
   */
  public SSLContext sslContext() {
    return tls().clientContext();
  }

  private SandboxTls tls() {
    SandboxTls tls = server.tls();
    if (tls == null) {
      throw new IllegalStateException("this sandbox serves plain HTTP; build it with https() for TLS");
    }
    return tls;
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
    return keys.mchid();
  }

  /** The merchant certificate serial number requests must name as {@code serial_no}. */
  public String merchantSerialNo() {
    return keys.merchantSerialNo();
  }

  /** The merchant private key, to sign requests with. */
  public PrivateKey merchantPrivateKey() {
    return keys.merchantKeyPair().getPrivate();
  }

  /** The merchant public key, which the sandbox verifies requests with. */
  public PublicKey merchantPublicKey() {
    return keys.merchantKeyPair().getPublic();
  }

  /** The merchant private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  public String merchantPrivateKeyPem() {
    return Pem.encode("PRIVATE KEY", merchantPrivateKey(), "merchant private key");
  }

  /**
   * The id of the WeChat Pay public key, sent as {@code Wechatpay-Serial} on every response signed with it.
   *
   * @throws IllegalStateException in {@link SandboxVerification#CERTIFICATE} mode, which has no public key
   */
  public String wechatpayPublicKeyId() {
    return keys.publicKeyId();
  }

  /**
   * The WeChat Pay public key, to verify responses with.
   *
   * @throws IllegalStateException in {@link SandboxVerification#CERTIFICATE} mode, which has no public key
   */
  public PublicKey wechatpayPublicKey() {
    return keys.publicKeyPair().getPublic();
  }

  /**
   * The WeChat Pay public key as SPKI PEM ({@code -----BEGIN PUBLIC KEY-----}).
   *
   * @throws IllegalStateException in {@link SandboxVerification#CERTIFICATE} mode, which has no public key
   */
  public String wechatpayPublicKeyPem() {
    return Pem.encode("PUBLIC KEY", wechatpayPublicKey(), "WeChat Pay public key");
  }

  /** The algorithms this sandbox speaks; {@link SandboxAlgorithm#RSA} unless the builder chose SM2. */
  public SandboxAlgorithm algorithm() {
    return keys.algorithm();
  }

  /** How clients verify this sandbox; {@link SandboxVerification#PUBLIC_KEY} unless the builder chose otherwise. */
  public SandboxVerification verification() {
    return keys.verification();
  }

  /**
   * The APIv3 key (32 ASCII characters) that encrypts {@code GET /v3/certificates} answers and notification
   * resources.
   */
  public String apiV3Key() {
    return keys.apiV3Key();
  }

  /**
   * The platform certificates, oldest first; the last one in effect signs in
   * {@link SandboxVerification#CERTIFICATE} mode (see {@link #rotateCertificate(Duration)}). Empty in
   * {@link SandboxVerification#PUBLIC_KEY} mode.
   */
  public List<X509Certificate> platformCertificates() {
    return keys.certificates().all().stream().map(PlatformCertificates.Issued::certificate).toList();
  }

  /**
   * The newest platform certificate as PEM ({@code -----BEGIN CERTIFICATE-----}).
   *
   * @throws IllegalStateException in {@link SandboxVerification#PUBLIC_KEY} mode, which has no certificate
   */
  public String platformCertificatePem() {
    return Pem.encode(keys.certificates().newest().certificate());
  }

  /**
   * The serial number of the newest platform certificate as WeChat Pay writes it: upper-case hex, left-padded
   * with {@code 0} to an even number of digits.
   *
   * @throws IllegalStateException in {@link SandboxVerification#PUBLIC_KEY} mode, which has no certificate
   */
  public String platformCertificateSerial() {
    return keys.certificates().newest().serial();
  }

  /**
   * Adds a platform certificate with a new key pair and a new serial number, valid from a day ago for five
   * years, which from now on signs where certificates sign. Older certificates stay listed and accepted.
   *
   * @return the new certificate
   * @throws IllegalStateException in {@link SandboxVerification#PUBLIC_KEY} mode
   */
  public X509Certificate rotateCertificate() {
    return keys.certificates().rotate(Duration.ZERO).certificate();
  }

  /**
   * Rotates as WeChat Pay rolls out a new platform certificate: adds one with a new key pair and serial that
   * {@code GET /v3/certificates} lists at once, with its {@code effective_time} (the certificate's start of
   * validity) this far ahead in whole seconds, and that signs only from then on, by the sandbox clock; until
   * then the one before signs. A client that downloads certificates more often than the notice keeps
   * verifying every answer; after {@link #rotateCertificate()}, which gives no notice, answers name a serial
   * the client does not know until its next download. {@link #platformCertificateSerial()} names the new
   * certificate at once.
   *
   * @return the new certificate
   * @throws IllegalArgumentException if the notice is negative
   * @throws IllegalStateException in {@link SandboxVerification#PUBLIC_KEY} mode
   */
  public X509Certificate rotateCertificate(Duration notice) {
    return keys.certificates().rotate(notice).certificate();
  }

  /**
   * Returns a client builder set up for this sandbox as a merchant would set it up: the merchant key (RSA
   * or SM2), the WeChat Pay public key and/or platform certificates to download (per the verification
   * mode), the APIv3 key, the base URIs and the sandbox's clock. Set anything else (timeouts, say), then
   * {@code build()}; with certificates, build() downloads them from the sandbox.
   *
   * <p>Over {@link Builder#https() HTTPS} the builder also gets a transport whose TLS trusts exactly the
   * sandbox's certificate (the JDK's {@code HttpClient}, HTTP/1.1, a 10 s connect timeout, no redirects, no
   * proxy). Since that transport is given, the builder's {@code connectTimeout} may not be set; to change
   * the transport, give one of your own made with {@link #sslContext()}.
   *
   * <p>Both hosts, the mainland and the Hong Kong one ({@code @Endpoint(..., host = Host.HONG_KONG)}),
   * point at this sandbox, so Hong Kong endpoints are tested offline too. The sandbox cannot tell which
   * host a request was meant for (the host is not signed, and both are this one server); a test that
   * cares can give {@code hongKongBaseUri} a second sandbox started with the same keys.
   */
  public WechatPay.Builder clientBuilder() {
    WechatPay.Builder builder = WechatPay.builder()
        .merchant(mchid(), merchantSerialNo(), merchantPrivateKey())
        .baseUri(baseUri())
        .hongKongBaseUri(baseUri())
        // The client's timestamps and skew checks must agree with the sandbox's clock.
        .clock(clock);
    SandboxTls tls = server.tls();
    if (tls != null) {
      builder.transport(JdkHttpTransport.of(HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .proxy(HttpClient.Builder.NO_PROXY)
          .sslContext(tls.clientContext())
          .build()));
    }
    SandboxVerification verification = verification();
    if (verification != SandboxVerification.CERTIFICATE) {
      builder.wechatpayPublicKey(wechatpayPublicKeyId(), wechatpayPublicKey());
    }
    if (verification != SandboxVerification.PUBLIC_KEY) {
      builder.platformCertificates(apiV3Key());
    } else {
      // Notifications need the APIv3 key in every mode.
      builder.apiV3Key(apiV3Key());
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
    stubs.put(method, path, responder);
  }

  /** Removes every stub. */
  public void clearStubs() {
    stubs.clear();
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
    bills.put(requestPath, bill);
  }

  /** Stops serving every bill registered so far; download URLs handed out stop working too. */
  public void clearBills() {
    bills.clear();
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
    return notifications.build(eventType, summary, resourceJson, originalType);
  }

  /**
   * POSTs a notification to a URL as WeChat Pay does: its body with {@code Content-Type: application/json} and
   * its headers, over HTTP/1.1, waiting at most 10 seconds.
   *
   * @return the HTTP status the merchant's endpoint answered
   * @throws UncheckedIOException if the request fails or the thread is interrupted
   */
  public int postNotification(URI url, SandboxNotification notification) {
    return notifications.post(url, notification);
  }

  // ---------------------------------------------------------------------------------------------------
  // Recorded requests.

  /** Every request received so far, rejected ones included, in the order they were received. */
  public List<RecordedRequest> requests() {
    return requests.all();
  }

  /**
   * The request received last.
   *
   * @throws IllegalStateException if there is none
   */
  public RecordedRequest lastRequest() {
    return requests.last();
  }

  /** Returns every request received so far and forgets them. */
  public List<RecordedRequest> takeRequests() {
    return requests.take();
  }

  /** Forgets every request received so far. */
  public void clear() {
    requests.clear();
  }

  // ---------------------------------------------------------------------------------------------------
  // Life cycle.

  /** Stops the server at once, abandoning delayed responses. Closing again does nothing. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "WechatPaySandbox[" + baseUri() + ", mchid " + mchid() + ", " + algorithm() + ", " + verification()
        + (server.isClosed() ? ", closed" : "") + "]";
  }

  /**
   * Chooses a sandbox's algorithm, verification mode, merchant, keys, APIv3 key, port and clock; anything not
   * set gets the defaults of {@link #start()}.
   */
  public static final class Builder {
    // Package-private: SandboxKeys reads the choices.
    SandboxAlgorithm algorithm = SandboxAlgorithm.RSA;
    SandboxVerification verification = SandboxVerification.PUBLIC_KEY;
    @Nullable String apiV3Key;
    String mchid = DEFAULT_MCHID;
    @Nullable String merchantSerialNo;
    @Nullable KeyPair merchantKeyPair;
    @Nullable String wechatpayPublicKeyId;
    @Nullable KeyPair wechatpayKeyPair;
    int port;
    Clock clock = Clock.systemUTC();
    boolean https;

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
     * Serves HTTPS instead of plain HTTP, as WeChat Pay does, with a fresh self-signed certificate (EC P-256,
     * for {@code 127.0.0.1} and {@code localhost}) so that tests exercise the TLS path a client takes in
     * production. {@link #clientBuilder()} then trusts exactly that certificate; other clients take
     * {@link #sslContext()} or {@link #trustManager()}. Plain HTTP stays the default, so that any client
     * works with nothing but the base URI changed (the runtime accepts {@code http} for loopback hosts only).
     */
    public Builder https() {
      this.https = true;
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
        return new WechatPaySandbox(this, new SandboxRandom(new SecureRandom()));
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
