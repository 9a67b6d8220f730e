package dev.wxpay.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks a merchant's {@code Authorization} header the way WeChat Pay does. Kept apart from the server so
 * that each rule can be tested on its own.
 */
final class AuthorizationCheck {
  static final String SCHEME = "WECHATPAY2-SHA256-RSA2048";
  static final long MAX_SKEW_SECONDS = 300;
  static final List<String> KEYS = List.of("mchid", "nonce_str", "timestamp", "serial_no", "signature");

  /** Whether a signature is the merchant's over a message. */
  @FunctionalInterface
  interface Verifier {
    boolean verifies(byte[] message, byte[] signature);
  }

  private final String scheme;
  private final String mchid;
  private final String serialNo;
  private final Verifier verifier;
  private final Clock clock;

  /** A check of {@code WECHATPAY2-SHA256-RSA2048} signatures by this RSA key, with the JDK's SHA256withRSA. */
  AuthorizationCheck(String mchid, String serialNo, PublicKey merchantPublicKey, Clock clock) {
    this(SCHEME, mchid, serialNo, (message, signature) -> verifiesRsa(merchantPublicKey, message, signature),
        clock);
  }

  /** A check of signatures under this scheme, verified by the verifier. */
  AuthorizationCheck(String scheme, String mchid, String serialNo, Verifier verifier, Clock clock) {
    this.scheme = scheme;
    this.mchid = mchid;
    this.serialNo = serialNo;
    this.verifier = verifier;
    this.clock = clock;
  }

  /** What a check found: the parsed parameters (empty if the header did not parse) and the first failure. */
  record Outcome(Map<String, String> params, @Nullable String rejection) {
    boolean accepted() {
      return rejection == null;
    }
  }

  /**
   * Checks one request.
   *
   * @param uri the request target exactly as received: raw path, and {@code ?} and raw query if present
   * @param body the raw body bytes, empty if there is none
   */
  Outcome check(@Nullable String authorization, String method, String uri, byte[] body) {
    if (authorization == null) {
      return new Outcome(Map.of(), "the Authorization header is missing");
    }
    Map<String, String> params;
    try {
      params = parse(authorization, scheme);
    } catch (IllegalArgumentException e) {
      return new Outcome(Map.of(), e.getMessage());
    }
    return new Outcome(params, rejection(params, method, uri, body));
  }

  private @Nullable String rejection(Map<String, String> params, String method, String uri, byte[] body) {
    String requestMchid = params.get("mchid");
    if (!mchid.equals(requestMchid)) {
      return "mchid \"" + requestMchid + "\" is not the sandbox merchant \"" + mchid + "\"";
    }
    String requestSerial = params.get("serial_no");
    if (!serialNo.equals(requestSerial)) {
      return "serial_no \"" + requestSerial + "\" is not the merchant certificate serial \"" + serialNo + "\"";
    }
    String nonce = params.get("nonce_str");
    if (nonce == null || nonce.isEmpty()) {
      return "nonce_str is empty";
    }
    String timestamp = params.get("timestamp");
    Long seconds = timestamp == null ? null : parseSeconds(timestamp);
    if (timestamp == null || seconds == null) {
      return "timestamp \"" + timestamp + "\" is not a number of seconds since the epoch";
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - seconds) > MAX_SKEW_SECONDS) {
      return "timestamp " + seconds + " is " + Math.abs(now - seconds) + " s "
          + (seconds < now ? "behind" : "ahead of") + " the sandbox clock (" + now + "); at most "
          + MAX_SKEW_SECONDS + " s are allowed";
    }
    String signature = params.get("signature");
    byte[] signatureBytes;
    try {
      signatureBytes = Base64.getDecoder().decode(signature == null ? "" : signature);
    } catch (IllegalArgumentException e) {
      return "signature is not valid Base64";
    }
    if (!verifier.verifies(message(method, uri, timestamp, nonce, body), signatureBytes)) {
      return "signature does not verify with the merchant public key over METHOD \"" + method
          + "\", URL \"" + uri + "\", timestamp " + timestamp + ", nonce_str \"" + nonce + "\" and a body of "
          + body.length + " bytes";
    }
    return null;
  }

  /** The bytes WeChat Pay expects the merchant to sign: {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}. */
  static byte[] message(String method, String uri, String timestamp, String nonce, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 128);
    out.writeBytes((method + "\n" + uri + "\n" + timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    out.write('\n');
    return out.toByteArray();
  }

  private static boolean verifiesRsa(PublicKey merchantPublicKey, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(merchantPublicKey);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // A signature of the wrong length, say, is just a signature that does not verify.
      return false;
    }
  }

  private static @Nullable Long parseSeconds(String value) {
    if (value.isEmpty() || value.length() > 18) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return null;
      }
    }
    return Long.parseLong(value);
  }

  /**
   * Parses
   * {@code WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"}.
   * The five keys may come in any order, each exactly once; values are in double quotes; spaces around the
   * commas are tolerated.
   *
   * @return the parameters by key, in the order they came
   * @throws IllegalArgumentException saying what is malformed
   */
  static Map<String, String> parse(String header) {
    return parse(header, SCHEME);
  }

  /** Parses as {@link #parse(String)} does, with this scheme instead of {@code WECHATPAY2-SHA256-RSA2048}. */
  static Map<String, String> parse(String header, String expectedScheme) {
    if (!header.startsWith(expectedScheme + " ")) {
      int space = header.indexOf(' ');
      String scheme = space < 0 ? header : header.substring(0, space);
      throw new IllegalArgumentException(
          "the Authorization scheme is \"" + scheme + "\", expected \"" + expectedScheme + "\" followed by a space");
    }
    Map<String, String> params = new LinkedHashMap<>();
    int n = header.length();
    int i = expectedScheme.length() + 1;
    while (true) {
      i = skipSpaces(header, i);
      int keyStart = i;
      while (i < n && isKeyChar(header.charAt(i))) {
        i++;
      }
      if (i == keyStart) {
        throw new IllegalArgumentException("malformed Authorization: expected a key at offset " + i);
      }
      String key = header.substring(keyStart, i);
      if (i >= n || header.charAt(i) != '=') {
        throw new IllegalArgumentException("malformed Authorization: expected '=' after " + key);
      }
      i++;
      if (i >= n || header.charAt(i) != '"') {
        throw new IllegalArgumentException("malformed Authorization: the value of " + key
            + " must be in double quotes");
      }
      int close = header.indexOf('"', i + 1);
      if (close < 0) {
        throw new IllegalArgumentException("malformed Authorization: the value of " + key
            + " has no closing double quote");
      }
      String value = header.substring(i + 1, close);
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("malformed Authorization: unknown key " + key
            + "; expected " + String.join(", ", KEYS));
      }
      if (params.putIfAbsent(key, value) != null) {
        throw new IllegalArgumentException("malformed Authorization: duplicate key " + key);
      }
      i = skipSpaces(header, close + 1);
      if (i == n) {
        break;
      }
      if (header.charAt(i) != ',') {
        throw new IllegalArgumentException("malformed Authorization: expected ',' after the value of " + key);
      }
      i++;
    }
    for (String key : KEYS) {
      if (!params.containsKey(key)) {
        throw new IllegalArgumentException("malformed Authorization: missing key " + key);
      }
    }
    return Collections.unmodifiableMap(params);
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
