package dev.wxpay.spring.boot;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks {@code wxpay.private-key-pem}, {@code wxpay.api-v3-key} and {@code wxpay.private-key} when it holds PEM
 * text rather than a location, and the same under any deeper {@code wxpay.} prefix such as
 * {@code wxpay.merchants.<name>.}: in every spelling the endpoints show, {@code wxpay.privateKeyPem}
 * (configprops), {@code wxpay.private-key-pem} or {@code WXPAY_PRIVATE_KEY_PEM} (env).
 */
final class WxpaySanitizingFunction implements SanitizingFunction {
  private static final String PREFIX = "wxpay";

  @Override
  public SanitizableData apply(SanitizableData data) {
    String key = data.getKey();
    if (key == null) {
      return data;
    }
    String name = letters(key);
    if (!name.startsWith(PREFIX) || !startsWithPrefix(key)) {
      return data;
    }
    if (name.endsWith("privatekeypem") || name.endsWith("apiv3key")) {
      return data.withSanitizedValue();
    }
    // A location (file:, classpath:) is no secret; key text in its place (PEM, or bare Base64) is.
    if (name.endsWith("privatekey") && data.getValue() != null
        && WxpayMerchantProperties.isKeyText(String.valueOf(data.getValue()))) {
      return data.withSanitizedValue();
    }
    return data;
  }

  /** {@code wxpay} followed by a separator: not {@code wxpayments.*}. */
  private static boolean startsWithPrefix(String key) {
    if (key.length() <= PREFIX.length() || !key.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    char next = key.charAt(PREFIX.length());
    return next == '.' || next == '_' || next == '[';
  }

  /**
   * The key in lower case without separators: {@code private-key-pem}, {@code privateKeyPem} and
   * {@code PRIVATE_KEY_PEM} all become {@code privatekeypem}.
   */
  private static String letters(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
