package dev.wxpay.runtime;

import dev.wxpay.runtime.ValidationException.Reason;
import java.nio.charset.StandardCharsets;
import dev.wxpay.runtime.internal.crypto.SignatureScheme;
import java.security.Provider;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a 2xx response or a notification: the {@code Wechatpay-*} headers are present, the serial
 * names a known key (public key id or platform certificate), the timestamp is within {@value #MAX_SKEW_SECONDS} s of the clock, and the signature
 * over {@code TIMESTAMP\nNONCE\nBODY\n} matches. Thread-safe.
 */
final class ResponseVerifier {
  static final long MAX_SKEW_SECONDS = 300;
  static final String TIMESTAMP = "Wechatpay-Timestamp";
  static final String NONCE = "Wechatpay-Nonce";
  static final String SIGNATURE = "Wechatpay-Signature";
  static final String SERIAL = "Wechatpay-Serial";
  static final String SIGNATURE_TYPE = "Wechatpay-Signature-Type";
  // WeChat Pay sends signatures with this prefix to probe that clients really verify.
  static final String SIGNTEST_PREFIX = "WECHATPAY/SIGNTEST/";

  private static final int MAX_ECHO = 64;
  /** The longest Wechatpay-* header value read: an RSA-4096 signature is 684 Base64 characters. */
  static final int MAX_HEADER_CHARS = 1024;

  private final VerificationKeys keys;
  private final Clock clock;
  private final @Nullable Provider rsaProvider;

  ResponseVerifier(VerificationKeys keys, Clock clock, @Nullable Provider rsaProvider) {
    this.keys = keys;
    this.clock = clock;
    this.rsaProvider = rsaProvider;
  }

  /** A verifier with the same clock and provider and other keys: for a certificate download's answer. */
  ResponseVerifier withKeys(VerificationKeys keys) {
    return new ResponseVerifier(keys, clock, rsaProvider);
  }

  /**
   * Verifies the headers and raw body of a 2xx response, or of a notification.
   *
   * @param headers the header lookup, names compared case-insensitively
   * @throws ValidationException naming the check that failed
   */
  void verify(Function<String, @Nullable String> headers, byte[] body) {
    String timestamp = required(headers, TIMESTAMP);
    String nonce = required(headers, NONCE);
    String signature = required(headers, SIGNATURE);
    String serial = required(headers, SERIAL);

    PublicKey key = keys.find(serial);
    if (key == null) {
      throw new ValidationException(Reason.UNKNOWN_SERIAL, SERIAL + " '" + echo(serial)
          + "' is not a known key; expected " + keys.describe());
    }
    SignatureScheme scheme = SignatureScheme.forKey(key);
    String type = headers.apply(SIGNATURE_TYPE);
    if (type != null && !type.equals(scheme.schema())) {
      throw new ValidationException(Reason.UNSUPPORTED_ALGORITHM, SIGNATURE_TYPE + " '" + echo(type)
          + "' does not match the key of serial " + serial + " (" + scheme.schema() + ")");
    }
    checkSkew(timestamp);

    if (signature.startsWith(SIGNTEST_PREFIX)) {
      throw new SignatureProbeException(
          SIGNATURE + " is a " + SIGNTEST_PREFIX + " probe, which never verifies");
    }
    byte[] signatureBytes;
    try {
      signatureBytes = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(Reason.BAD_SIGNATURE, SIGNATURE + " is not Base64");
    }
    // Header values are Latin-1 on the wire; encoding them back that way gives the exact bytes signed.
    byte[] head = (timestamp + '\n' + nonce + '\n').getBytes(StandardCharsets.ISO_8859_1);
    byte[] message = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    message[message.length - 1] = '\n';
    if (!scheme.verify(key, message, signatureBytes, rsaProvider)) {
      throw new ValidationException(Reason.BAD_SIGNATURE, SIGNATURE
          + " does not match the response for serial '" + serial + "'");
    }
  }

  private void checkSkew(String timestamp) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new ValidationException(Reason.MALFORMED_HEADER,
          TIMESTAMP + " '" + echo(timestamp) + "' is not a number of epoch seconds");
    }
    long now = clock.instant().getEpochSecond();
    // Compare without subtracting first so that absurd values cannot overflow.
    if (seconds < now - MAX_SKEW_SECONDS || seconds > now + MAX_SKEW_SECONDS) {
      String direction = seconds < now ? "behind" : "ahead of";
      String distance = Math.abs((double) seconds - now) < 1e15
          ? Math.abs(seconds - now) + " s" : "far";
      throw new ValidationException(Reason.TIMESTAMP_SKEW, TIMESTAMP + " " + seconds + " is " + distance
          + " " + direction + " the local clock " + now + " (allowed ±" + MAX_SKEW_SECONDS + " s)");
    }
  }

  private static String required(Function<String, @Nullable String> headers, String name) {
    String value = headers.apply(name);
    if (value == null || value.isEmpty()) {
      throw new ValidationException(Reason.MISSING_HEADER, "header " + name + " is missing");
    }
    if (value.length() > MAX_HEADER_CHARS) {
      // Nothing of WeChat Pay's is near this; a longer value is not parsed, decoded or verified at all.
      throw new ValidationException(Reason.MALFORMED_HEADER,
          "header " + name + " is longer than " + MAX_HEADER_CHARS + " characters");
    }
    return value;
  }

  /** Server-sent text, shortened so a hostile response cannot flood logs. */
  private static String echo(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
  }
}
