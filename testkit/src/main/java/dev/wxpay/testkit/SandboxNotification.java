package dev.wxpay.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A callback WeChat Pay would send to a merchant's {@code notify_url}: the headers and the raw JSON body, signed
 * over {@code TIMESTAMP\nNONCE\nBODY\n} like every answer of the sandbox, its {@code resource} encrypted with
 * the APIv3 key. Made by {@link WechatPaySandbox#notification}; give {@link #headers()} and {@link #body()} to
 * the callback handler under test, or send them with {@link WechatPaySandbox#postNotification}.
 *
 * <p>Immutable; each fault method returns a new value with exactly one thing broken, so that a test can check
 * that a handler refuses it.
 */
public final class SandboxNotification {
  /** The headers a notification carries, in the order {@link #headers()} lists them. */
  static final List<String> HEADERS = List.of("Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature",
      "Wechatpay-Serial", "Wechatpay-Signature-Type");

  private final byte[] signedBody;
  private final long timestamp;
  private final String nonce;
  private final String serial;
  private final String signatureType;
  private final AnswerSigner signer;
  private final boolean tamperBody;
  private final boolean tamperSignature;
  private final boolean signTestProbe;
  private final Set<String> droppedHeaders;
  private final byte[] body;
  private final Map<String, String> headers;

  SandboxNotification(byte[] signedBody, long timestamp, String nonce, String signatureType, AnswerSigner signer) {
    this(signedBody, timestamp, nonce, signer.serial(), signatureType, signer, false, false, false, Set.of());
  }

  private SandboxNotification(byte[] signedBody, long timestamp, String nonce, String serial,
      String signatureType, AnswerSigner signer, boolean tamperBody, boolean tamperSignature, boolean signTestProbe,
      Set<String> droppedHeaders) {
    this.signedBody = signedBody;
    this.timestamp = timestamp;
    this.nonce = nonce;
    this.serial = serial;
    this.signatureType = signatureType;
    this.signer = signer;
    this.tamperBody = tamperBody;
    this.tamperSignature = tamperSignature;
    this.signTestProbe = signTestProbe;
    this.droppedHeaders = droppedHeaders;
    this.body = tamperBody ? StubResponse.tampered(signedBody) : signedBody;

    Map<String, String> all = new LinkedHashMap<>();
    all.put("Wechatpay-Timestamp", Long.toString(timestamp));
    all.put("Wechatpay-Nonce", nonce);
    all.put("Wechatpay-Signature",
        signer.signature(Long.toString(timestamp), nonce, signedBody, tamperSignature, signTestProbe));
    all.put("Wechatpay-Serial", serial);
    all.put("Wechatpay-Signature-Type", signatureType);
    all.keySet().removeAll(droppedHeaders);
    this.headers = Collections.unmodifiableMap(all);
  }

  private SandboxNotification with(long timestamp, String serial, boolean tamperBody, boolean tamperSignature,
      boolean signTestProbe, Set<String> droppedHeaders) {
    return new SandboxNotification(signedBody, timestamp, nonce, serial, signatureType, signer, tamperBody,
        tamperSignature, signTestProbe, droppedHeaders);
  }

  /**
   * The headers to deliver with the body: {@code Wechatpay-Timestamp}, {@code Wechatpay-Nonce},
   * {@code Wechatpay-Signature}, {@code Wechatpay-Serial} and {@code Wechatpay-Signature-Type}, in that order,
   * less any dropped by {@link #withoutHeader}. Unmodifiable.
   */
  public Map<String, String> headers() {
    return headers;
  }

  /** A copy of the raw body bytes to deliver (UTF-8 JSON). */
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Returns a copy that is signed over its body but delivers a changed body: a leading member
   * {@code "tampered":true}, so that it still parses and only the signature shows the change.
   */
  public SandboxNotification tamperBody() {
    return with(timestamp, serial, true, tamperSignature, signTestProbe, droppedHeaders);
  }

  /**
   * Returns a copy whose {@code Wechatpay-Signature} is a genuine signature by the right key, but over
   * different bytes than the body delivered (that body followed by a space).
   */
  public SandboxNotification tamperSignature() {
    return with(timestamp, serial, tamperBody, true, signTestProbe, droppedHeaders);
  }

  /**
   * Returns a copy whose {@code Wechatpay-Timestamp} is moved by this amount (whole seconds) and signed anew
   * over the moved timestamp, so that only its age is wrong.
   */
  public SandboxNotification skewTimestamp(Duration skew) {
    return with(timestamp + Objects.requireNonNull(skew, "skew").toSeconds(), serial, tamperBody, tamperSignature,
        signTestProbe, droppedHeaders);
  }

  /** Returns a copy that names this {@code Wechatpay-Serial}; the signature stays the right key's. */
  public SandboxNotification serial(String serial) {
    return with(timestamp, Objects.requireNonNull(serial, "serial"), tamperBody, tamperSignature, signTestProbe,
        droppedHeaders);
  }

  /**
   * Returns a copy without this header. Calls add up.
   *
   * @param name one of the headers of {@link #headers()} (case-insensitive)
   * @throws IllegalArgumentException for any other name
   */
  public SandboxNotification withoutHeader(String name) {
    Set<String> dropped = StubResponse.dropping(droppedHeaders, name, HEADERS);
    if (dropped == null) {
      throw new IllegalArgumentException("a notification has no header " + name + "; it has " + HEADERS);
    }
    return with(timestamp, serial, tamperBody, tamperSignature, signTestProbe, dropped);
  }

  /**
   * Returns a copy whose {@code Wechatpay-Signature} is {@code WECHATPAY/SIGNTEST/} followed by Base64 junk,
   * like the probes WeChat Pay sends to check that merchants verify callbacks.
   */
  public SandboxNotification signTestProbe() {
    return with(timestamp, serial, tamperBody, tamperSignature, true, droppedHeaders);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("SandboxNotification[").append(body.length).append(" bytes, serial ")
        .append(serial);
    if (tamperBody) {
      out.append(", tamperBody");
    }
    if (tamperSignature) {
      out.append(", tamperSignature");
    }
    if (signTestProbe) {
      out.append(", signTestProbe");
    }
    for (String header : droppedHeaders) {
      out.append(", without ").append(header);
    }
    return out.append(']').toString();
  }
}
