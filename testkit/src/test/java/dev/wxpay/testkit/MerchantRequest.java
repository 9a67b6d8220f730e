package dev.wxpay.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A request signed the way a merchant signs one, written with the JDK alone (independent of the sandbox
 * code), with a knob for each thing a test may want to get wrong.
 */
final class MerchantRequest {
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  /** One client per HTTPS sandbox, trusting its certificate only. */
  private static final Map<SSLContext, HttpClient> HTTPS = new ConcurrentHashMap<>();

  private final WechatPaySandbox sandbox;
  private String method = "GET";
  private String uri = "/v3/test";
  private byte @Nullable [] body;
  private @Nullable String signedMethod;
  private @Nullable String signedUri;
  private byte @Nullable [] signedBody;
  private String scheme = "WECHATPAY2-SHA256-RSA2048";
  private String mchid;
  private String serialNo;
  private String nonce = UUID.randomUUID().toString().replace("-", "").toUpperCase();
  private long timestamp = Instant.now().getEpochSecond();
  private PrivateKey key;
  private @Nullable String authorization;
  private @Nullable String contentType = "application/json";
  private final Map<String, String> headers = new LinkedHashMap<>();
  private @Nullable Duration timeout;
  private boolean sm2;

  private MerchantRequest(WechatPaySandbox sandbox) {
    this.sandbox = sandbox;
    this.mchid = sandbox.mchid();
    this.serialNo = sandbox.merchantSerialNo();
    this.key = sandbox.merchantPrivateKey();
  }

  static MerchantRequest to(WechatPaySandbox sandbox) {
    return new MerchantRequest(sandbox);
  }

  MerchantRequest get(String uri) {
    this.method = "GET";
    this.uri = uri;
    return this;
  }

  MerchantRequest post(String uri, String json) {
    this.method = "POST";
    this.uri = uri;
    this.body = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  MerchantRequest method(String method) {
    this.method = method;
    return this;
  }

  /** Signs this method while sending the real one. */
  MerchantRequest signedMethod(String signedMethod) {
    this.signedMethod = signedMethod;
    return this;
  }

  /** Signs this URI while sending the real one. */
  MerchantRequest signedUri(String signedUri) {
    this.signedUri = signedUri;
    return this;
  }

  /** Signs this body while sending the real one. */
  MerchantRequest signedBody(String signedBody) {
    this.signedBody = signedBody.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** Signs as an SM2 merchant: scheme WECHATPAY2-SM2-WITH-SM3, SM3withSM2 by the given key (BC). */
  MerchantRequest sm2(PrivateKey key) {
    this.sm2 = true;
    this.scheme = "WECHATPAY2-SM2-WITH-SM3";
    this.key = key;
    return this;
  }

  /** Sends this body with this content type, signing the signed bytes instead (an upload signs its meta). */
  MerchantRequest post(String uri, byte[] body, String contentType, byte[] signed) {
    this.method = "POST";
    this.uri = uri;
    this.body = body.clone();
    this.contentType = contentType;
    this.signedBody = signed.clone();
    return this;
  }

  MerchantRequest scheme(String scheme) {
    this.scheme = scheme;
    return this;
  }

  MerchantRequest mchid(String mchid) {
    this.mchid = mchid;
    return this;
  }

  MerchantRequest serialNo(String serialNo) {
    this.serialNo = serialNo;
    return this;
  }

  MerchantRequest nonce(String nonce) {
    this.nonce = nonce;
    return this;
  }

  MerchantRequest timestamp(long timestamp) {
    this.timestamp = timestamp;
    return this;
  }

  MerchantRequest key(PrivateKey key) {
    this.key = key;
    return this;
  }

  /** Sends exactly this Authorization header instead of a computed one. */
  MerchantRequest authorization(String authorization) {
    this.authorization = authorization;
    return this;
  }

  MerchantRequest contentType(@Nullable String contentType) {
    this.contentType = contentType;
    return this;
  }

  MerchantRequest header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  MerchantRequest timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  String signature() {
    byte[] sent = body == null ? new byte[0] : body;
    String head = (signedMethod != null ? signedMethod : method) + "\n" + (signedUri != null ? signedUri : uri)
        + "\n" + timestamp + "\n" + nonce + "\n";
    return sm2 ? signSm2(key, head, signedBody != null ? signedBody : sent)
        : sign(key, head, signedBody != null ? signedBody : sent);
  }

  static String signSm2(PrivateKey key, String head, byte[] body) {
    try {
      Signature signer = Signature.getInstance("SM3withSM2", TestKeys.BC);
      signer.initSign(key);
      signer.update(head.getBytes(StandardCharsets.UTF_8));
      signer.update(body);
      signer.update((byte) '\n');
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  String computedAuthorization() {
    return scheme + " mchid=\"" + mchid + "\",nonce_str=\"" + nonce + "\",timestamp=\"" + timestamp
        + "\",serial_no=\"" + serialNo + "\",signature=\"" + signature() + "\"";
  }

  HttpResponse<byte[]> send() throws IOException, InterruptedException {
    // baseUri ends with '/', uri starts with one.
    URI target = URI.create(sandbox.baseUri().toString() + uri.substring(1));
    HttpRequest.Builder request = HttpRequest.newBuilder(target)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Accept", "application/json")
        .header("Authorization", authorization != null ? authorization : computedAuthorization());
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    if (timeout != null) {
      request.timeout(timeout);
    }
    return clientFor(sandbox).send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The plain client, or for an HTTPS sandbox one that trusts its certificate. */
  static HttpClient clientFor(WechatPaySandbox sandbox) {
    if (sandbox.baseUri().getScheme().equals("http")) {
      return HTTP;
    }
    return HTTPS.computeIfAbsent(sandbox.sslContext(), context -> HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).sslContext(context).build());
  }

  static String sign(PrivateKey key, String head, byte[] body) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(head.getBytes(StandardCharsets.UTF_8));
      signer.update(body);
      signer.update((byte) '\n');
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
