package dev.wxpay.runtime;

import dev.wxpay.runtime.spi.EndpointFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Immutable and thread-safe; share one instance per merchant. Instances are independent, so one
 * process can serve many merchants.
 */
public final class WechatPay {
  /** The production API. */
  public static final URI DEFAULT_BASE_URI = URI.create("https://api.mch.weixin.qq.com/");

  private final String mchid;
  private final String merchantSerialNo;
  private final String publicKeyId;
  private final URI baseUri;
  private final Pipeline pipeline;
  private final ConcurrentHashMap<Class<?>, Object> clients = new ConcurrentHashMap<>();

  private WechatPay(Builder builder, PrivateKey privateKey, PublicKey publicKey, URI baseUri) {
    this.mchid = builder.mchid;
    this.merchantSerialNo = builder.merchantSerialNo;
    this.publicKeyId = builder.publicKeyId;
    this.baseUri = baseUri;
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(builder.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.pipeline = new Pipeline(
        client,
        new RequestSigner(mchid, merchantSerialNo, privateKey, new SecureRandom()),
        new ResponseVerifier(publicKeyId, publicKey, builder.clock),
        builder.clock,
        builder.requestTimeout,
        publicKeyId,
        baseUri);
  }

  /** Starts configuring an instance. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the client of an {@code @Endpoint} interface, created once per instance and then reused.
   *
   * @throws IllegalArgumentException if no generated implementation of {@code type} is registered
   */
  public <T> T create(Class<T> type) {
    return type.cast(clients.computeIfAbsent(type, this::newClient));
  }

  private Object newClient(Class<?> type) {
    // Runs once per type and instance, so the service lookup stays off the call path.
    @SuppressWarnings("rawtypes") // ServiceLoader takes a Class, which cannot name EndpointFactory<?>.
    Iterator<EndpointFactory> factories =
        ServiceLoader.load(EndpointFactory.class, type.getClassLoader()).iterator();
    ServiceConfigurationError broken = null;
    while (true) {
      EndpointFactory<?> factory;
      try {
        if (!factories.hasNext()) {
          break;
        }
        factory = factories.next();
      } catch (ServiceConfigurationError e) {
        // Another library's broken registration must not hide this one; the iterator goes on.
        broken = e;
        continue;
      }
      if (factory.endpointType() == type) {
        return factory.create(pipeline);
      }
    }
    String name = type.getName();
    IllegalArgumentException missing = new IllegalArgumentException("no generated client for " + name
        + "; is wxpay-processor on the annotation processor path and " + name + " annotated with @Endpoint?");
    if (broken != null) {
      missing.addSuppressed(broken);
    }
    throw missing;
  }

  /** The merchant id ({@code mchid}). */
  public String mchid() {
    return mchid;
  }

  /** The base URI every endpoint path is resolved against, ending in '/'. */
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public String toString() {
    return "WechatPay{mchid=" + mchid + ", merchantSerialNo=" + merchantSerialNo + ", baseUri=" + baseUri + "}";
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
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

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
     * Where requests go; default {@code https://api.mch.weixin.qq.com/}. Plain {@code http} is only
     * accepted for loopback hosts (a local sandbox). A path prefix is kept.
     */
    public Builder baseUri(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
      return this;
    }

    /** How long to wait for a connection; default 10 seconds. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** How long to wait for a whole response; default 30 seconds. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The clock for request timestamps and response skew checks; default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Checks the configuration and builds the instance.
     *
     * @throws IllegalStateException if the merchant or the WeChat Pay public key is missing
     * @throws IllegalArgumentException if a value is invalid: an id that is empty or contains CR, LF or
     *     {@code "}, a key that is not RSA, a base URI that is not https on a non-loopback host, or a
     *     timeout that is not positive
     */
    public WechatPay build() {
      String mchid = this.mchid;
      String serial = this.merchantSerialNo;
      PrivateKey privateKey = this.privateKey;
      String keyId = this.publicKeyId;
      PublicKey publicKey = this.publicKey;
      if (mchid == null || serial == null || privateKey == null) {
        throw new IllegalStateException("merchant is not set; call merchant(mchid, serialNo, privateKey)");
      }
      if (keyId == null || publicKey == null) {
        throw new IllegalStateException(
            "WeChat Pay public key is not set; call wechatpayPublicKey(publicKeyId, publicKey)");
      }
      checkId("mchid", mchid);
      checkId("merchantSerialNo", serial);
      checkId("publicKeyId", keyId);
      if (!"RSA".equals(privateKey.getAlgorithm())) {
        throw new IllegalArgumentException(
            "wrong key type: the merchant private key must be RSA, not " + privateKey.getAlgorithm());
      }
      if (!"RSA".equals(publicKey.getAlgorithm())) {
        throw new IllegalArgumentException(
            "wrong key type: the WeChat Pay public key must be RSA, not " + publicKey.getAlgorithm());
      }
      checkUsable(privateKey, publicKey);
      checkPositive("connectTimeout", connectTimeout);
      checkPositive("requestTimeout", requestTimeout);
      return new WechatPay(this, privateKey, publicKey, normalize(baseUri));
    }

    private static void checkId(String what, String value) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException(what + " must not contain CR or LF");
      }
      if (value.indexOf('"') >= 0) {
        // It is quoted inside the Authorization header.
        throw new IllegalArgumentException(what + " must not contain '\"'");
      }
    }

    private static void checkUsable(PrivateKey privateKey, PublicKey publicKey) {
      // Fail at start-up rather than on the first call if no provider accepts the keys.
      try {
        Signature.getInstance(RequestSigner.ALGORITHM).initSign(privateKey);
        Signature.getInstance(RequestSigner.ALGORITHM).initVerify(publicKey);
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException(
            "the keys cannot be used for " + RequestSigner.ALGORITHM + ": " + e.getClass().getSimpleName(), e);
      }
    }

    private static void checkPositive(String what, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + value);
      }
    }

    static URI normalize(URI uri) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new IllegalArgumentException("baseUri must be an absolute http(s) URI with a host, was " + uri);
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUri must not have user info, a query or a fragment, was " + uri);
      }
      if (scheme.equals("http") && !isLoopback(host)) {
        throw new IllegalArgumentException("baseUri must use https unless the host is a loopback address"
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
