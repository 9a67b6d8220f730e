package dev.wxpay.runtime;

import dev.wxpay.runtime.internal.crypto.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Signs requests with the merchant private key over {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}, sent
 * as the {@code Authorization} header: {@code WECHATPAY2-SHA256-RSA2048} (SHA256withRSA) for an RSA key,
 * {@code WECHATPAY2-SM2-WITH-SM3} for an SM2 key. Thread-safe.
 */
final class RequestSigner {

  private final PrivateKey key;
  private final SignatureScheme scheme;
  private final SecureRandom random;
  private final @Nullable Provider rsaProvider;
  // The constant parts of the header, built once: mchid and serial never change per instance.
  private final String headerPrefix;
  private final String headerSerialPart;

  RequestSigner(String mchid, String serialNo, PrivateKey key, SecureRandom random, @Nullable Provider rsaProvider) {
    this.key = key;
    this.rsaProvider = rsaProvider;
    this.scheme = SignatureScheme.forKey(key);
    this.random = random;
    this.headerPrefix = scheme.schema() + " mchid=\"" + mchid + "\",nonce_str=\"";
    this.headerSerialPart = "\",serial_no=\"" + serialNo + "\",signature=\"";
  }

  /** A fresh nonce: 32 characters from [A-Za-z0-9]. */
  String nonce() {
    return Nonces.next(random);
  }

  /**
   * The {@code Authorization} header value for one request.
   *
   * @param url the path and query exactly as sent, e.g. {@code /v3/certificates?a=b}
   * @param body the request body bytes exactly as sent; empty when there is none
   */
  String authorization(String method, String url, long timestamp, String nonce, byte[] body) {
    String signature = sign(method, url, timestamp, nonce, body);
    return headerPrefix + nonce + "\",timestamp=\"" + timestamp + headerSerialPart + signature + '"';
  }

  /** Base64 of the signature over the signing message. */
  String sign(String method, String url, long timestamp, String nonce, byte[] body) {
    return sign(message(method, url, timestamp, nonce, body));
  }

  /** Base64 of the merchant's signature over {@code message}; also used for payment-page signatures. */
  String sign(byte[] message) {
    // A Signature per call: instances are not thread-safe, and without a provider chosen on the builder
    // a faster one installed after start-up can take over. Next to RSA itself its cost does not show.
    return Base64.getEncoder().encodeToString(scheme.sign(key, message, rsaProvider));
  }

  /** The signing message, {@code METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n}, as bytes. */
  static byte[] message(String method, String url, long timestamp, String nonce, byte[] body) {
    byte[] head = messageHead(method, url, timestamp, nonce);
    byte[] out = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    out[out.length - 1] = '\n';
    return out;
  }

  private static byte[] messageHead(String method, String url, long timestamp, String nonce) {
    // Method, encoded URL, digits and nonce are all ASCII.
    return (method + '\n' + url + '\n' + timestamp + '\n' + nonce + '\n').getBytes(StandardCharsets.US_ASCII);
  }
}
