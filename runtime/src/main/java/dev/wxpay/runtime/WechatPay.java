package dev.wxpay.runtime;

import dev.wxpay.annotations.rules.GeneratedNames;
import dev.wxpay.annotations.rules.HeaderRules;
import dev.wxpay.runtime.internal.crypto.ApiV3Key;
import dev.wxpay.runtime.internal.crypto.CertificateSerials;
import dev.wxpay.runtime.internal.crypto.PemKeys;
import dev.wxpay.runtime.internal.crypto.SignatureScheme;
import dev.wxpay.runtime.spi.Caller;
import java.lang.ref.Cleaner;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.JdkHttpTransport;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: one merchant's credentials, the WeChat Pay public key that signs responses, and an
 * HTTP client. {@link #create} returns the generated client of an {@code @Endpoint} interface.
 *
 * <pre>{@code
 * WechatPay wxpay = WechatPay.builder()
 *     .merchant("1900000001", "MERCHANT_CERT_SERIAL", privateKeyPem)
 *     .wechatpayPublicKey("PUB_KEY_ID_0119000000012025", wechatpayPublicKeyPem)
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe; share one instance per merchant. With downloaded platform certificates it refreshes
 * them in the background until {@link #close()}. Instances are independent, so one
 * process can serve many merchants.
 */
// Over 400 lines on purpose: this class and its Builder are the API users read, and most of the file
// is their Javadoc and the checks that turn a bad key or URI into a clear error at build time.
public final class WechatPay implements AutoCloseable {
  /** The default of {@link Builder#maxAnswerBytes(long)}: 4 MiB, far above any JSON answer of the API. */
  public static final long DEFAULT_MAX_ANSWER_BYTES = 4L * 1024 * 1024;

  /** The production API. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.mch.weixin.qq.com/");
  /** The production Hong Kong API, which serves the endpoints declared {@code host = Host.HONG_KONG}. */
  public static final URI DEFAULT_HONG_KONG_BASE_URI = URI.create("https://apihk.mch.weixin.qq.com/");

  private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

  private final String mchid;
  private final String merchantSerialNo;
  private final URI baseUri;
  private final URI hongKongBaseUri;
  private final Pipeline pipeline;
  private final @Nullable NotificationParser notifications;
  private final PaymentSigner paymentSigner;
  // Stops the certificate refresh on close(), or when the instance is dropped without it.
  private final Cleaner.@Nullable Cleanable refresher;
  private final ConcurrentHashMap<Class<?>, Object> clients = new ConcurrentHashMap<>();
  private final @Nullable HttpTransport ownedTransport;
  // What keyStatus() reads; none of it is on the call path.
  private final VerificationKeys keys;
  private final @Nullable CertificateDownloader downloader;
  private final PrivateKey privateKey;
  private final SignatureScheme scheme;
  private final @Nullable Provider rsaProvider;
  private final Clock clock;

  private WechatPay(Builder builder, PrivateKey privateKey, VerificationKeys keys, URI baseUri,
      URI hongKongBaseUri, @Nullable URI backupBaseUri) {
    this.mchid = Objects.requireNonNull(builder.mchid);
    this.merchantSerialNo = Objects.requireNonNull(builder.merchantSerialNo);
    this.baseUri = baseUri;
    this.hongKongBaseUri = hongKongBaseUri;
    ApiV3Key apiV3Key = builder.apiV3Key;
    this.keys = keys;
    this.privateKey = privateKey;
    this.scheme = SignatureScheme.forKey(privateKey);
    this.rsaProvider = builder.rsaProvider;
    this.clock = builder.clock;
    this.paymentSigner = new PaymentSigner(privateKey, builder.clock, builder.rsaProvider);
    HttpTransport given = builder.transport;
    HttpTransport transport = given != null ? given : JdkHttpTransport.create(builder.connectTimeout);
    // Only the transport made here is closed with this instance; a given one belongs to the caller.
    this.ownedTransport = given == null ? transport : null;
    ResponseVerifier verifier = new ResponseVerifier(keys, builder.clock, builder.rsaProvider);
    Pipeline pipeline = new Pipeline(
        transport,
        new RequestSigner(mchid, merchantSerialNo, privateKey, new SecureRandom(), builder.rsaProvider),
        verifier,
        keys,
        privateKey,
        builder.clock,
        builder.requestTimeout,
        baseUri,
        hongKongBaseUri,
        backupBaseUri,
        builder.retries,
        builder.callListener,
        builder.callEventBodies,
        builder.maxAnswerBytes);
    Pipeline.AnswerCheck check = verifier::verify;
    if (builder.downloadCertificates) {
      // From the mainland host (v3/certificates), whatever hosts the merchant's endpoints use.
      CertificateDownloader downloader =
          new CertificateDownloader(pipeline, keys, Objects.requireNonNull(apiV3Key), builder.clock, scheme,
              verifier);
      try {
        downloader.refresh();
      } catch (WechatPayException e) {
        throw new IllegalStateException("could not download the WeChat Pay platform certificates: "
            + e.getMessage() + hint(e), e);
      }
      check = downloader.refreshingOnUnknownSerial();
      pipeline = pipeline.checkingAnswersWith(check);
      ScheduledExecutorService executor =
          startRefresh(mchid, downloader, builder.refreshInterval, builder.refreshFailures);
      this.refresher = Cleanup.CLEANER.register(this, executor::shutdownNow);
      this.downloader = downloader;
    } else {
      this.refresher = null;
      this.downloader = null;
    }
    this.pipeline = pipeline;
    // A resource's @Encrypted fields are encrypted for the merchant key, as in answers; nothing encrypts.
    this.notifications = apiV3Key == null ? null
        : new NotificationParser(check, apiV3Key, new FieldCipher(null, privateKey), builder.maxAnswerBytes);
  }

  private static String hint(WechatPayException e) {
    if (e instanceof ValidationException v && v.reason() == ValidationException.Reason.DECRYPTION_FAILED) {
      return " (is the APIv3 key right?)";
    }
    if (e instanceof ServiceException service && service.statusCode() == 401) {
      return " (check the mchid, the merchant serial number and the private key)";
    }
    return "";
  }

  /**
   * Refreshes the certificates every {@code interval}, or after a minute when a refresh failed. A failed
   * refresh keeps the certificates in use and is reported, never thrown into callers. Static, so the
   * task holds no reference to the instance: an instance dropped without {@link #close()} is cleaned up.
   */
  private static ScheduledExecutorService startRefresh(String mchid, CertificateDownloader downloader,
      Duration interval, Consumer<? super WechatPayException> failures) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "wxpay-certificates-" + mchid);
      thread.setDaemon(true);
      return thread;
    });
    long intervalMillis = interval.toMillis();
    Runnable refresh = new Runnable() {
      @Override
      public void run() {
        long next = intervalMillis;
        try {
          downloader.refresh();
        } catch (RuntimeException e) {
          next = Math.min(intervalMillis, RETRY_AFTER_FAILURE.toMillis());
          report(failures, e instanceof WechatPayException failure ? failure
              : new WechatPayException("certificate refresh failed: " + e.getClass().getSimpleName(), e));
        }
        try {
          executor.schedule(this, next, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
          // close() was called meanwhile.
        }
      }
    };
    executor.schedule(refresh, intervalMillis, TimeUnit.MILLISECONDS);
    return executor;
  }

  private static void report(Consumer<? super WechatPayException> failures, WechatPayException failure) {
    try {
      failures.accept(failure);
    } catch (RuntimeException listenerFailure) {
      Log.LOG.log(System.Logger.Level.WARNING, "certificate refresh failure listener failed", listenerFailure);
    }
  }

  /** Holds the logger: System.getLogger starts java.util.logging (about 50 classes), wanted only to log. */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(WechatPay.class.getName());
  }

  /** Holds the Cleaner, whose thread starts only when a first instance refreshes certificates. */
  private static final class Cleanup {
    static final Cleaner CLEANER = Cleaner.create();
  }

  /** Starts configuring an instance. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the client of an {@code @Endpoint} interface, created once per instance and then reused.
   *
   * @throws IllegalArgumentException if {@code type} has no generated client
   */
  public <T> T create(Class<T> type) {
    return type.cast(clients.computeIfAbsent(type, this::newClient));
  }

  private Object newClient(Class<?> type) {
    // Once per type and instance. The client sits beside the interface under the name the processor
    // gave it (GeneratedNames, shared by both), so finding it costs the same with 1 or 1,000 endpoints
    // on the class path; nothing is scanned or instantiated for other interfaces.
    if (!type.isInterface()) {
      throw new IllegalArgumentException(type.getName() + " is not an @Endpoint interface");
    }
    List<String> simpleNames = new ArrayList<>();
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      simpleNames.add(0, c.getSimpleName());
    }
    String name = GeneratedNames.qualifiedName(type.getPackageName(), simpleNames, GeneratedNames.CLIENT);
    Class<?> client;
    try {
      // Not initialised yet: a class of that name that is not the client must not run any code.
      client = Class.forName(name, false, type.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("no generated client for " + type.getName() + "; is wxpay-processor on"
          + " the annotation processor path and " + type.getName() + " annotated with @Endpoint?", e);
    }
    if (!type.isAssignableFrom(client)) {
      throw new IllegalArgumentException(name + " is not the generated client of " + type.getName());
    }
    try {
      return client.getConstructor(Caller.class).newInstance(pipeline);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot create " + name + ": " + e, e);
    }
  }


  /** The merchant id ({@code mchid}). */
  public String mchid() {
    return mchid;
  }

  /**
   * The parser for notifications (callbacks) to this merchant, checked with the same keys as responses.
   *
   * @throws IllegalStateException if no APIv3 key was configured
   */
  public NotificationParser notifications() {
    if (notifications == null) {
      throw new IllegalStateException("notifications need the APIv3 key: call apiV3Key(...) on the builder");
    }
    return notifications;
  }

  /** Signs the parameters the JSAPI, mini-program and App payment pages need. */
  public PaymentSigner payments() {
    return paymentSigner;
  }

  /**
   * What this instance signs and verifies with now: the merchant key's algorithm (and whether it still takes a
   * signature), the WeChat Pay public key id, the platform certificates in use with their validity, and when
   * downloads last succeeded and failed. For health checks; a little work each time (one signature
   * initialisation, no signing), nothing on the call path. Times are by the builder's {@link Builder#clock}.
   */
  public KeyStatus keyStatus() {
    List<KeyStatus.Certificate> certificates = new ArrayList<>();
    for (X509Certificate certificate : keys.certificates()) {
      certificates.add(new KeyStatus.Certificate(CertificateSerials.serialNo(certificate),
          certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()));
    }
    String problem = null;
    try {
      scheme.checkSigningKey(privateKey, rsaProvider);
    } catch (RuntimeException e) {
      // As at build(): the scheme and the exception's type; its message may describe the key.
      problem = scheme + " cannot sign with the merchant key: " + e.getClass().getSimpleName();
    }
    CertificateDownloader downloads = downloader;
    return new KeyStatus(clock.instant(), describe(scheme, privateKey), problem, keys.publicKeyId(), certificates,
        downloads != null, downloads == null ? null : downloads.lastSuccess(),
        downloads == null ? null : downloads.lastFailure());
  }

  /** {@code RSA 2048} or {@code SM2}: the algorithm, and the size where a key tells it. */
  private static String describe(SignatureScheme scheme, PrivateKey key) {
    if (scheme == SignatureScheme.RSA && key instanceof RSAKey rsa && rsa.getModulus() != null) {
      return "RSA " + rsa.getModulus().bitLength();
    }
    return scheme.name();
  }

  /**
   * Stops the background certificate refresh, if any, and closes the transport this instance made (a
   * transport given to {@link Builder#transport} is left open). With the default transport, calls keep
   * working with the keys they have.
   */
  @Override
  public void close() {
    if (refresher != null) {
      refresher.clean();
    }
    if (ownedTransport != null) {
      ownedTransport.close();
    }
  }

  /** The base URI the paths of mainland endpoints (the default host) are resolved against, ending in '/'. */
  public URI baseUri() {
    return baseUri;
  }

  /** The base URI the paths of {@code Host.HONG_KONG} endpoints are resolved against, ending in '/'. */
  public URI hongKongBaseUri() {
    return hongKongBaseUri;
  }

  @Override
  public String toString() {
    return "WechatPay{mchid=" + mchid + ", merchantSerialNo=" + merchantSerialNo + ", baseUri=" + baseUri
        + ", hongKongBaseUri=" + hongKongBaseUri + "}";
  }

  /** Configures a {@link WechatPay}. Not thread-safe; {@link #build} checks everything at once. */
  public static final class Builder {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private @Nullable String mchid;
    private @Nullable String merchantSerialNo;
    private @Nullable PrivateKey privateKey;
    private @Nullable String publicKeyId;
    private @Nullable PublicKey publicKey;
    private URI baseUri = DEFAULT_BASE_URI;
    private URI hongKongBaseUri = DEFAULT_HONG_KONG_BASE_URI;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
    private Clock clock = Clock.systemUTC();
    private @Nullable ApiV3Key apiV3Key;
    private boolean downloadCertificates;
    private final List<X509Certificate> certificates = new ArrayList<>();
    private Duration refreshInterval = Duration.ofHours(12);
    private Consumer<? super WechatPayException> refreshFailures = failure -> Log.LOG.log(
        System.Logger.Level.WARNING, "WeChat Pay certificate refresh failed; keeping the certificates in use: "
            + failure.getMessage());

    private @Nullable URI backupBaseUri;
    private int retries;
    private @Nullable HttpTransport transport;
    private @Nullable Provider rsaProvider;
    private boolean connectTimeoutSet;
    private @Nullable CallListener callListener;
    private boolean callEventBodies;

    private Builder() {}

    /**
     * The merchant that signs requests.
     *
     * @param mchid the merchant id, e.g. {@code 1900000001}
     * @param merchantSerialNo the serial number of the merchant API certificate
     * @param key the merchant API private key (RSA)
     */
    public Builder merchant(String mchid, String merchantSerialNo, PrivateKey key) {
      this.mchid = mchid;
      this.merchantSerialNo = merchantSerialNo;
      this.privateKey = key;
      return this;
    }

    /**
     * Like {@link #merchant(String, String, PrivateKey)} with the key as PEM, PKCS#8
     * ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
     *
     * @throws IllegalArgumentException if the PEM holds no readable private key
     */
    public Builder merchant(String mchid, String merchantSerialNo, String privateKeyPem) {
      return merchant(mchid, merchantSerialNo, PemKeys.privateKey(privateKeyPem));
    }

    /**
     * The WeChat Pay public key that signs responses, and its id ({@code PUB_KEY_ID_...}), which
     * responses must name in {@code Wechatpay-Serial}.
     */
    public Builder wechatpayPublicKey(String publicKeyId, PublicKey key) {
      this.publicKeyId = publicKeyId;
      this.publicKey = key;
      return this;
    }

    /**
     * Like {@link #wechatpayPublicKey(String, PublicKey)} with the key as PEM: {@code BEGIN PUBLIC KEY}
     * or a certificate.
     *
     * @throws IllegalArgumentException if the PEM holds no readable public key
     */
    public Builder wechatpayPublicKey(String publicKeyId, String publicKeyPem) {
      return wechatpayPublicKey(publicKeyId, PemKeys.publicKey(publicKeyPem));
    }

    /**
     * The APIv3 key (32 bytes), which decrypts notifications and downloaded certificates.
     *
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public Builder apiV3Key(String apiV3Key) {
      this.apiV3Key = ApiV3Key.of(apiV3Key);
      return this;
    }

    /**
     * Verify with platform certificates downloaded from {@code v3/certificates} when {@link #build} runs
     * (a bad configuration fails there, with a clear message) and refreshed in the background. Together
     * with {@link #wechatpayPublicKey} this is the mixed mode of a migration: each response is checked
     * with the key its {@code Wechatpay-Serial} names.
     *
     * @param apiV3Key the APIv3 key that decrypts the certificates; it also serves notifications
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public Builder platformCertificates(String apiV3Key) {
      apiV3Key(apiV3Key);
      this.downloadCertificates = true;
      return this;
    }

    /** Verify with this platform certificate, given rather than downloaded. May be called again. */
    public Builder platformCertificate(X509Certificate certificate) {
      this.certificates.add(Objects.requireNonNull(certificate, "certificate"));
      return this;
    }

    /** Like {@link #platformCertificate(X509Certificate)} with the certificate as PEM. */
    public Builder platformCertificate(String certificatePem) {
      return platformCertificate(PemKeys.certificate(certificatePem));
    }

    /** How often downloaded certificates are refreshed; default 12 hours. */
    public Builder certificateRefreshInterval(Duration interval) {
      this.refreshInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Told about a background certificate refresh that failed (the certificates in use are kept); by
     * default a warning is logged through {@link System.Logger}.
     */
    public Builder onCertificateRefreshFailure(Consumer<? super WechatPayException> listener) {
      this.refreshFailures = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Where requests go; default {@code https://api.mch.weixin.qq.com/}. Plain {@code http} is only
     * accepted for loopback hosts (a local sandbox). A path prefix is kept. Endpoints declared
     * {@code host = Host.HONG_KONG} go to {@link #hongKongBaseUri} instead.
     */
    public Builder baseUri(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
      return this;
    }

    /**
     * Where requests of endpoints declared {@code @Endpoint(..., host = Host.HONG_KONG)} go, such as the
     * cross-border {@code hk/v3/...} operations; default {@code https://apihk.mch.weixin.qq.com/}. The
     * same rules as for {@link #baseUri}: plain {@code http} only for loopback hosts, a path prefix is
     * kept (and signed, like the endpoint path; the host is not). {@link #backupBaseUri} stands in for the
     * mainland host only: a Hong Kong request that is retried goes to this host again.
     */
    public Builder hongKongBaseUri(URI hongKongBaseUri) {
      this.hongKongBaseUri = Objects.requireNonNull(hongKongBaseUri, "hongKongBaseUri");
      return this;
    }

    /**
     * How often a request that provably never reached WeChat Pay (refused connection, unknown host,
     * connect timeout, failed TLS handshake) is sent again; default 0, off. A request that timed out or
     * got an answer, a 5xx included, is never resent: whether to repeat it is the caller's decision.
     */
    public Builder retries(int retries) {
      if (retries < 0 || retries > 5) {
        throw new IllegalArgumentException("retries must be 0 to 5, was " + retries);
      }
      this.retries = retries;
      return this;
    }

    /**
     * A backup host for those retries, such as {@code https://api2.wechatpay.cn/}: a retried request to
     * the mainland host goes there, under the same rule. It must have the same path as the base URI (the
     * signature covers it).
     */
    public Builder backupBaseUri(URI backupBaseUri) {
      this.backupBaseUri = Objects.requireNonNull(backupBaseUri, "backupBaseUri");
      return this;
    }

    /**
     * How long to wait for a connection; default 10 seconds. It configures the default transport; a
     * transport given to {@link #transport} brings its own.
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      this.connectTimeoutSet = true;
      return this;
    }

    /**
     * The HTTP transport requests go through; default a {@link JdkHttpTransport} on the JDK's
     * {@code HttpClient}. Hand in one configured as you need (proxy, {@code SSLContext}, executor,
     * connection pool), e.g. {@code JdkHttpTransport.of(httpClient)} or a transport from another module
     * such as {@code wxpay-transport-apache}. It stays yours: {@link WechatPay#close()} does not close it, so
     * several instances may share one. Retries, fail-over and the request timeout work the same on every
     * transport; the connect timeout is the transport's.
     */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * The JCA provider that makes and checks RSA signatures (requests, answers, notifications, payment
     * pages), without installing it for the whole JVM. A native provider such as Amazon Corretto Crypto
     * Provider signs about three times faster than the JDK's:
     * {@code .rsaProvider(AmazonCorrettoCryptoProvider.INSTANCE)}. By default none is pinned and the JCA
     * picks the most preferred installed provider. SM2 merchants (SM2/SM3/SM4) always use Bouncy Castle,
     * so a provider here is refused for them.
     */
    public Builder rsaProvider(Provider provider) {
      this.rsaProvider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Told about every call: its start, each request sent (retries and fail-over included) and its end with
     * the outcome, status, WeChat Pay error code, {@code Request-ID} and duration; for logs, metrics and
     * tracing. Events carry nothing secret; see {@link CallListener} for what they hold and on which thread
     * they arrive. A listener that throws never breaks a call. Called again, the last listener counts;
     * combine several in one. Without a listener calls cost nothing extra.
     *
     * <p>Independently of a listener, the logger {@code dev.wxpay.runtime.calls} ({@link System.Logger})
     * writes one line per request and per call at {@code DEBUG} when that level is enabled, with the same
     * fields and never a body.
     */
    public Builder callListener(CallListener listener) {
      this.callListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Whether {@link CallListener.Ended} carries the JSON request and response bodies; default false.
     * They are redacted: {@code @Encrypted} fields (sent encrypted, or decrypted from the answer) and every
     * field whose name suggests a secret (containing {@code key}, {@code sign}, {@code token},
     * {@code secret}, {@code password}, {@code cipher}, …) become {@code "<redacted>"}. Other personal data
     * in them (an openid, an address) stays: turn this on to debug, not in production. Never logged.
     */
    public Builder callEventBodies(boolean callEventBodies) {
      this.callEventBodies = callEventBodies;
      return this;
    }

    /** How long to wait for a whole response; default 30 seconds. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The longest answer body read into memory, in bytes; default {@link #DEFAULT_MAX_ANSWER_BYTES}. A longer
     * answer fails the call with a {@link TransportException} as soon as its {@code Content-Length} or the
     * bytes read show it, without buffering it, and is not retried. Downloads (bills, files) stream and are
     * not limited. A custom {@link dev.wxpay.runtime.http.HttpTransport} must honour it too. A notification
     * body longer than this is refused by {@link #notifications()} unread.
     */
    public Builder maxAnswerBytes(long maxAnswerBytes) {
      if (maxAnswerBytes < 1) {
        throw new IllegalArgumentException("maxAnswerBytes must be positive: " + maxAnswerBytes);
      }
      this.maxAnswerBytes = maxAnswerBytes;
      return this;
    }

    /** The clock for request timestamps and response skew checks; default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Checks the configuration and builds the instance. With {@link #platformCertificates} it also
     * downloads the certificates.
     *
     * @throws IllegalStateException if the merchant or every verification key is missing, or the
     *     certificate download fails
     * @throws IllegalArgumentException if a value is invalid: an id that is empty or contains CR, LF or
     *     {@code "}, a key of the wrong type (RSA, or SM2 in SM mode, for all keys alike), a base URI
     *     (mainland, Hong Kong or backup) that is not https on a non-loopback host, or a duration that is
     *     not positive
     */
    public WechatPay build() {
      String mchid = this.mchid;
      String serial = this.merchantSerialNo;
      PrivateKey privateKey = this.privateKey;
      if (mchid == null || serial == null || privateKey == null) {
        throw new IllegalStateException("merchant is not set; call merchant(mchid, serialNo, privateKey)");
      }
      if (publicKey == null && certificates.isEmpty() && !downloadCertificates) {
        throw new IllegalStateException("no WeChat Pay key to verify responses with; call"
            + " wechatpayPublicKey(publicKeyId, publicKey), platformCertificates(apiV3Key) or both");
      }
      checkId("mchid", mchid);
      checkId("merchantSerialNo", serial);
      SignatureScheme scheme = SignatureScheme.forKey(privateKey);
      VerificationKeys.Key wechatpayKey = null;
      if (publicKeyId != null && publicKey != null) {
        checkId("publicKeyId", publicKeyId);
        checkScheme(scheme, publicKey, "the WeChat Pay public key");
        wechatpayKey = new VerificationKeys.Key(publicKeyId, publicKey);
      }
      for (X509Certificate certificate : certificates) {
        checkScheme(scheme, certificate.getPublicKey(), "platform certificate "
            + CertificateSerials.serialNo(certificate));
      }
      if (rsaProvider != null && scheme != SignatureScheme.RSA) {
        throw new IllegalArgumentException("rsaProvider applies to RSA merchants; " + scheme
            + " signatures always use Bouncy Castle");
      }
      checkUsable(scheme, privateKey, rsaProvider);
      checkPositive("connectTimeout", connectTimeout);
      if (transport != null && connectTimeoutSet) {
        throw new IllegalStateException("connectTimeout configures the default transport only;"
            + " set the connect timeout on the transport given to transport(...)");
      }
      checkPositive("requestTimeout", requestTimeout);
      checkPositive("certificateRefreshInterval", refreshInterval);
      URI base = normalize("baseUri", baseUri);
      URI hongKongBase = normalize("hongKongBaseUri", hongKongBaseUri);
      URI backupBase = backupBaseUri == null ? null : normalize("backupBaseUri", backupBaseUri);
      if (backupBase != null && !backupBase.getRawPath().equals(base.getRawPath())) {
        throw new IllegalArgumentException("backupBaseUri must have the same path as baseUri");
      }
      VerificationKeys keys = new VerificationKeys(wechatpayKey, certificates, clock);
      return new WechatPay(this, privateKey, keys, base, hongKongBase, backupBase);
    }

    private static void checkScheme(SignatureScheme merchant, PublicKey key, String what) {
      SignatureScheme scheme = SignatureScheme.forKey(key);
      if (scheme != merchant) {
        throw new IllegalArgumentException("wrong key type: " + what + " is " + scheme
            + " but the merchant key is " + merchant + "; SM mode uses SM2 keys throughout");
      }
    }

    private static void checkId(String what, String value) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      if (HeaderRules.hasLineBreak(value)) {
        throw new IllegalArgumentException(what + " must not contain CR or LF");
      }
      if (value.indexOf('"') >= 0) {
        // It is quoted inside the Authorization header.
        throw new IllegalArgumentException(what + " must not contain '\"'");
      }
    }

    private static void checkUsable(SignatureScheme scheme, PrivateKey privateKey, @Nullable Provider provider) {
      // Fail at start-up rather than on the first call if no provider accepts the key. Initialising is
      // enough to know; a whole signature would add a cold RSA operation to every start.
      try {
        scheme.checkSigningKey(privateKey, provider);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("the merchant private key cannot sign (" + scheme
            + (provider == null ? "" : " with provider " + provider.getName()) + "): "
            + e.getClass().getSimpleName(), e);
      }
    }

    private static void checkPositive(String what, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + value);
      }
    }

    /** Checks a base URI setting, named {@code what} in errors, and makes its path end in '/'. */
    static URI normalize(String what, URI uri) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new IllegalArgumentException(what + " must be an absolute http(s) URI with a host, was " + uri);
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(what + " must not have user info, a query or a fragment, was " + uri);
      }
      if (scheme.equals("http") && !isLoopback(host)) {
        throw new IllegalArgumentException(what + " must use https unless the host is a loopback address"
            + " (127.0.0.0/8, ::1, localhost), was " + uri);
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (!path.endsWith("/")) {
        path = path + "/";
      }
      return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    static boolean isLoopback(String host) {
      if (host.equalsIgnoreCase("localhost")) {
        return true;
      }
      if (IPV4.matcher(host).matches()) {
        String[] octets = host.split("\\.");
        for (String octet : octets) {
          if (Integer.parseInt(octet) > 255) {
            return false;
          }
        }
        return octets[0].equals("127");
      }
      if (host.startsWith("[") && host.endsWith("]")) {
        try {
          // An IPv6 literal is parsed, never looked up.
          return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return false;
    }
  }
}
