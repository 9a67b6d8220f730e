package dev.wxpay.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What the sandbox answers to a stubbed request: a status, a content type and a body, which the sandbox
 * signs with the WeChat Pay private key like every response. Optional faults make the sandbox send a
 * response that a correct client must refuse, to test verification.
 *
 * <p>Instances are immutable; each fault method returns a new instance.
 */
public final class StubResponse {
  /** The response headers the sandbox adds and signs, any of which {@link #withoutHeader} may drop. */
  static final List<String> SIGNATURE_HEADERS = List.of(
      "Request-ID", "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Serial", "Wechatpay-Signature");

  /** The header naming the signature scheme, which {@link #withoutHeader} may drop too. */
  static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";

  private static final List<String> DROPPABLE_HEADERS =
      Stream.concat(SIGNATURE_HEADERS.stream(), Stream.of(SIGNATURE_TYPE)).toList();

  static final String JSON = "application/json";

  private final int status;
  private final @Nullable String contentType;
  private final byte[] body;
  private final boolean tamperSignature;
  private final boolean tamperBody;
  private final boolean signTestProbe;
  private final Duration timestampSkew;
  private final @Nullable String serial;
  private final Set<String> droppedHeaders;
  private final Duration delay;
  private final boolean dropConnection;
  private final boolean unsigned;
  private final boolean signedWithCertificate;
  private final @Nullable String signatureType;

  private StubResponse(int status, @Nullable String contentType, byte[] body, boolean tamperSignature,
      boolean tamperBody, boolean signTestProbe, Duration timestampSkew, @Nullable String serial,
      Set<String> droppedHeaders, Duration delay, boolean dropConnection, boolean unsigned,
      boolean signedWithCertificate, @Nullable String signatureType) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.tamperSignature = tamperSignature;
    this.tamperBody = tamperBody;
    this.signTestProbe = signTestProbe;
    this.timestampSkew = timestampSkew;
    this.serial = serial;
    this.droppedHeaders = droppedHeaders;
    this.delay = delay;
    this.dropConnection = dropConnection;
    this.unsigned = unsigned;
    this.signedWithCertificate = signedWithCertificate;
    this.signatureType = signatureType;
  }

  /** The fields of a copy, changed one at a time by the fault methods. */
  private final class Copy {
    boolean tamperSignature = StubResponse.this.tamperSignature;
    boolean tamperBody = StubResponse.this.tamperBody;
    boolean signTestProbe = StubResponse.this.signTestProbe;
    Duration timestampSkew = StubResponse.this.timestampSkew;
    @Nullable String serial = StubResponse.this.serial;
    Set<String> droppedHeaders = StubResponse.this.droppedHeaders;
    Duration delay = StubResponse.this.delay;
    boolean dropConnection = StubResponse.this.dropConnection;
    boolean unsigned = StubResponse.this.unsigned;
    boolean signedWithCertificate = StubResponse.this.signedWithCertificate;
    @Nullable String signatureType = StubResponse.this.signatureType;

    StubResponse build() {
      return new StubResponse(status, contentType, body, tamperSignature, tamperBody, signTestProbe, timestampSkew,
          serial, droppedHeaders, delay, dropConnection, unsigned, signedWithCertificate, signatureType);
    }
  }

  private static StubResponse of(int status, @Nullable String contentType, byte[] body) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status must be from 200 to 599, was " + status);
    }
    if ((status == 204 || status == 304) && body.length > 0) {
      throw new IllegalArgumentException("a " + status + " response cannot carry a body");
    }
    return new StubResponse(status, contentType, body, false, false, false, Duration.ZERO, null, Set.of(),
        Duration.ZERO, false, false, false, null);
  }

  /** A 200 response with this JSON body, sent as UTF-8 with {@code Content-Type: application/json}. */
  public static StubResponse json(String body) {
    return json(200, body);
  }

  /** A response with this status and JSON body, sent as UTF-8 with {@code Content-Type: application/json}. */
  public static StubResponse json(int status, String body) {
    return of(status, JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A 204 response without a body or content type; it is signed over an empty body. */
  public static StubResponse noContent() {
    return of(204, null, new byte[0]);
  }

  /**
   * A WeChat Pay error response: this status and the body {@code {"code":"…","message":"…"}}.
   *
   * @param code a WeChat Pay error code such as {@code PARAM_ERROR} or {@code SYSTEM_ERROR}
   */
  public static StubResponse error(int status, String code, String message) {
    return json(status, SandboxJson.error(code, message));
  }

  /**
   * A response with any content type and body, for instance a non-JSON or empty body.
   *
   * @param contentType the {@code Content-Type} header, or null to send none
   */
  public static StubResponse raw(int status, @Nullable String contentType, byte[] body) {
    return of(status, contentType, body.clone());
  }

  /**
   * Returns a copy whose {@code Wechatpay-Signature} is a genuine signature by the WeChat Pay key, but over
   * different bytes than the body sent (that body followed by a space). The body and every other header
   * are intact.
   */
  public StubResponse tamperSignature() {
    Copy copy = new Copy();
    copy.tamperSignature = true;
    return copy.build();
  }

  /**
   * Returns a copy that is signed over its body but sends a changed body. A JSON object gains a leading
   * member {@code "tampered":true} (so it still parses, and only the signature shows the change); any other
   * body gains a trailing space.
   *
   * @throws IllegalStateException for a 204 or 304 response, which cannot carry a body
   */
  public StubResponse tamperBody() {
    if (status == 204 || status == 304) {
      throw new IllegalStateException("a " + status + " response cannot carry a tampered body");
    }
    Copy copy = new Copy();
    copy.tamperBody = true;
    return copy.build();
  }

  /**
   * Returns a copy whose {@code Wechatpay-Timestamp} is the sandbox clock moved by this amount (whole
   * seconds); the signature is made over that moved timestamp, so only its age is wrong.
   */
  public StubResponse skewTimestamp(Duration skew) {
    Copy copy = new Copy();
    copy.timestampSkew = Objects.requireNonNull(skew, "skew");
    return copy.build();
  }

  /**
   * Returns a copy that names this algorithm in {@code Wechatpay-Signature-Type} (in any mode), e.g. one
   * the client does not verify with, while the signature stays the sandbox's own.
   */
  public StubResponse signatureType(String signatureType) {
    Copy copy = new Copy();
    copy.signatureType = Objects.requireNonNull(signatureType, "signatureType");
    return copy.build();
  }

  @Nullable String signatureTypeOverride() {
    return signatureType;
  }

  /** Returns a copy that sends this {@code Wechatpay-Serial} instead of the sandbox's public key id. */
  public StubResponse serial(String serial) {
    Copy copy = new Copy();
    copy.serial = Objects.requireNonNull(serial, "serial");
    return copy.build();
  }

  /**
   * Returns a copy that does not send this header. Calls add up.
   *
   * @param name one of {@code Request-ID}, {@code Wechatpay-Timestamp}, {@code Wechatpay-Nonce},
   *     {@code Wechatpay-Serial}, {@code Wechatpay-Signature} (case-insensitive), or
   *     {@code Wechatpay-Signature-Type}
   * @throws IllegalArgumentException for any other name
   */
  public StubResponse withoutHeader(String name) {
    Set<String> dropped = dropping(droppedHeaders, name, DROPPABLE_HEADERS);
    if (dropped == null) {
      throw new IllegalArgumentException("the sandbox adds no header " + name + "; it adds " + SIGNATURE_HEADERS);
    }
    Copy copy = new Copy();
    copy.droppedHeaders = dropped;
    return copy.build();
  }

  /**
   * These dropped headers and the one named (case-insensitive, spelled as in {@code known}), or null if the
   * name is not among the known ones. Notifications drop headers the same way.
   */
  static @Nullable Set<String> dropping(Set<String> dropped, String name, List<String> known) {
    for (String header : known) {
      if (header.equalsIgnoreCase(name)) {
        Set<String> more = new LinkedHashSet<>(dropped);
        more.add(header);
        return Set.copyOf(more);
      }
    }
    return null;
  }

  /**
   * Returns a copy whose {@code Wechatpay-Signature} is {@code WECHATPAY/SIGNTEST/} followed by Base64 junk,
   * like the probes WeChat Pay sends to check that clients verify signatures.
   */
  public StubResponse signTestProbe() {
    Copy copy = new Copy();
    copy.signTestProbe = true;
    return copy.build();
  }

  /** Returns a copy that the sandbox sends only after waiting this long, for timeout tests. */
  public StubResponse delay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    Copy copy = new Copy();
    copy.delay = delay;
    return copy.build();
  }

  /**
   * Returns a copy that the sandbox never answers: once the request is read and recorded, the connection is
   * closed without a status line, so that a client sees an I/O error. Any {@link #delay} comes first.
   */
  public StubResponse dropConnection() {
    Copy copy = new Copy();
    copy.dropConnection = true;
    return copy.build();
  }

  /**
   * Returns a copy sent without any {@code Wechatpay-*} header (no timestamp, nonce, serial, signature or
   * signature type); {@code Request-ID} is still sent. This is how WeChat Pay sends bill files.
   */
  public StubResponse unsigned() {
    Copy copy = new Copy();
    copy.unsigned = true;
    return copy.build();
  }

  /**
   * Returns a copy that, in {@link SandboxVerification#MIXED} mode, is signed with the newest platform
   * certificate (and names its serial) instead of the WeChat Pay public key. In
   * {@link SandboxVerification#CERTIFICATE} mode every answer is signed so anyway; in
   * {@link SandboxVerification#PUBLIC_KEY} mode the sandbox has no certificate and answers 500
   * {@code SYSTEM_ERROR} instead.
   */
  public StubResponse signedWithCertificate() {
    Copy copy = new Copy();
    copy.signedWithCertificate = true;
    return copy.build();
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The {@code Content-Type} header, or null if none is sent. */
  public @Nullable String contentType() {
    return contentType;
  }

  /** A copy of the body bytes as stubbed (before any {@link #tamperBody}). */
  public byte[] body() {
    return body.clone();
  }

  /** The body as stubbed, decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  boolean tampersSignature() {
    return tamperSignature;
  }

  boolean tampersBody() {
    return tamperBody;
  }

  boolean isSignTestProbe() {
    return signTestProbe;
  }

  Duration timestampSkew() {
    return timestampSkew;
  }

  @Nullable String serialOverride() {
    return serial;
  }

  boolean drops(String header) {
    return droppedHeaders.contains(header);
  }

  Duration delayDuration() {
    return delay;
  }

  boolean dropsConnection() {
    return dropConnection;
  }

  boolean isUnsigned() {
    return unsigned;
  }

  boolean isSignedWithCertificate() {
    return signedWithCertificate;
  }

  /** The body as {@link #tamperBody} sends it. */
  byte[] tamperedBody() {
    return tampered(body);
  }

  /** A JSON object with a leading member {@code "tampered":true}; any other body with a trailing space. */
  static byte[] tampered(byte[] body) {
    if (body.length > 0 && body[0] == '{') {
      String rest = new String(body, 1, body.length - 1, StandardCharsets.UTF_8);
      String separator = rest.strip().startsWith("}") ? "" : ",";
      return ("{\"tampered\":true" + separator + rest).getBytes(StandardCharsets.UTF_8);
    }
    return withTrailingSpace(body);
  }

  /** The body followed by a space: other bytes than were signed, yet the same JSON. */
  static byte[] withTrailingSpace(byte[] body) {
    byte[] changed = Arrays.copyOf(body, body.length + 1);
    changed[body.length] = ' ';
    return changed;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("StubResponse[").append(status);
    if (contentType != null) {
      out.append(", ").append(contentType);
    }
    out.append(", ").append(body.length).append(" bytes");
    if (tamperSignature) {
      out.append(", tamperSignature");
    }
    if (tamperBody) {
      out.append(", tamperBody");
    }
    if (signTestProbe) {
      out.append(", signTestProbe");
    }
    if (!timestampSkew.isZero()) {
      out.append(", skewTimestamp ").append(timestampSkew);
    }
    if (serial != null) {
      out.append(", serial ").append(serial);
    }
    for (String header : droppedHeaders) {
      out.append(", without ").append(header);
    }
    if (!delay.isZero()) {
      out.append(", delay ").append(delay);
    }
    if (dropConnection) {
      out.append(", dropConnection");
    }
    if (unsigned) {
      out.append(", unsigned");
    }
    if (signedWithCertificate) {
      out.append(", signedWithCertificate");
    }
    return out.append(']').toString();
  }
}
