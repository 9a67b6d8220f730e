package dev.wxpay.runtime;

import dev.wxpay.runtime.ValidationException.Reason;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Verifies a 2xx response: the {@code Wechatpay-*} headers are present, the serial is the configured
 * public key id, the timestamp is within {@value #MAX_SKEW_SECONDS} s of the clock, and the signature
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

  private static final byte[] NEWLINE = {'\n'};
  private static final int MAX_ECHO = 64;

  private final String publicKeyId;
  private final PublicKey key;
  private final Clock clock;

  ResponseVerifier(String publicKeyId, PublicKey key, Clock clock) {
    this.publicKeyId = publicKeyId;
    this.key = key;
    this.clock = clock;
  }

  /**
   * Verifies the headers and raw body of a 2xx response.
   *
   * @throws ValidationException naming the check that failed
   */
  void verify(HttpHeaders headers, byte[] body) {
    String timestamp = required(headers, TIMESTAMP);
    String nonce = required(headers, NONCE);
    String signature = required(headers, SIGNATURE);
    String serial = required(headers, SERIAL);

    if (!serial.equals(publicKeyId)) {
      throw new ValidationException(Reason.UNKNOWN_SERIAL, SERIAL + " '" + echo(serial)
          + "' is not the configured WeChat Pay public key id '" + publicKeyId + "'");
    }
    Optional<String> type = headers.firstValue(SIGNATURE_TYPE);
    if (type.isPresent() && !type.get().equals(RequestSigner.SCHEMA)) {
      throw new ValidationException(Reason.UNSUPPORTED_ALGORITHM, SIGNATURE_TYPE + " '" + echo(type.get())
          + "' is not supported; expected " + RequestSigner.SCHEMA);
    }
    checkSkew(timestamp);

    if (signature.startsWith(SIGNTEST_PREFIX)) {
      throw new ValidationException(Reason.BAD_SIGNATURE,
          SIGNATURE + " is a " + SIGNTEST_PREFIX + " probe, which never verifies");
    }
    byte[] signatureBytes;
    try {
      signatureBytes = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(Reason.BAD_SIGNATURE, SIGNATURE + " is not Base64");
    }
    boolean valid;
    try {
      Signature verifier = Signature.getInstance(RequestSigner.ALGORITHM);
      verifier.initVerify(key);
      // Header values are Latin-1 on the wire; encoding them back that way gives the exact bytes signed.
      verifier.update((timestamp + '\n' + nonce + '\n').getBytes(StandardCharsets.ISO_8859_1));
      verifier.update(body);
      verifier.update(NEWLINE);
      valid = verifier.verify(signatureBytes);
    } catch (GeneralSecurityException e) {
      valid = false;
    }
    if (!valid) {
      throw new ValidationException(Reason.BAD_SIGNATURE, SIGNATURE
          + " does not match the response for public key id '" + publicKeyId + "'");
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

  private static String required(HttpHeaders headers, String name) {
    Optional<String> value = headers.firstValue(name);
    if (value.isEmpty() || value.get().isEmpty()) {
      throw new ValidationException(Reason.MISSING_HEADER, "response header " + name + " is missing");
    }
    return value.get();
  }

  /** Server-sent text, shortened so a hostile response cannot flood logs. */
  private static String echo(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
  }
}
