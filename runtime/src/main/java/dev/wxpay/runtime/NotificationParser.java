package dev.wxpay.runtime;

import com.squareup.moshi.JsonReader;
import dev.wxpay.runtime.internal.crypto.ApiV3Key;
import dev.wxpay.runtime.internal.crypto.DecryptionException;
import dev.wxpay.runtime.spi.SensitiveFields;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Checks and decrypts the notifications (callbacks) WeChat Pay sends to a merchant's URL: the
 * {@code Wechatpay-Timestamp} is within 300 s, the serial names a known key, the signature covers the raw
 * body, and the {@code resource} decrypts with the APIv3 key (AEAD_AES_256_GCM or AEAD_SM4_GCM). Get one
 * from {@link WechatPay#notifications()}. Thread-safe.
 *
 * <p>Answer WeChat Pay with a 2xx status only after {@link #parse} returned; on any exception answer
 * with an error status (e.g. 401), and WeChat Pay will deliver again.
 */
public final class NotificationParser {
  private final ResponseVerifier verifier;
  private final ApiV3Key apiV3Key;
  private final SensitiveFields sensitiveFields;

  /** {@code sensitiveFields} decrypts the {@code @Encrypted} fields of resources with the merchant key. */
  NotificationParser(ResponseVerifier verifier, ApiV3Key apiV3Key, SensitiveFields sensitiveFields) {
    this.verifier = verifier;
    this.apiV3Key = apiV3Key;
    this.sensitiveFields = sensitiveFields;
  }

  /**
   * Parses a notification.
   *
   * @param headers the request's headers by name, looked up case-insensitively by the caller (a
   *     servlet's {@code request::getHeader} fits)
   * @param body the raw request body, exactly as received
   * @throws SignatureProbeException for WeChat Pay's signature probes
   * @throws ValidationException if a check fails or the resource does not decrypt
   * @throws WechatPayException if the body is not a notification
   */
  public Notification parse(Function<String, @Nullable String> headers, byte[] body) {
    verifier.verify(headers, body);
    Map<?, ?> root = object(json(body), "notification");
    Map<?, ?> resource = object(root.get("resource"), "resource");
    String plaintext;
    try {
      plaintext = apiV3Key.decryptToString(
          text(resource, "algorithm"),
          text(resource, "nonce"),
          optionalText(resource, "associated_data", ""),
          text(resource, "ciphertext"));
    } catch (DecryptionException e) {
      throw ValidationException.of(e);
    }
    OffsetDateTime createTime;
    try {
      createTime = OffsetDateTime.parse(text(root, "create_time"));
    } catch (DateTimeParseException e) {
      throw new WechatPayException("notification create_time is not RFC 3339", e);
    }
    return new Notification(text(root, "id"), createTime, text(root, "event_type"),
        text(root, "resource_type"), optionalText(root, "summary", null),
        optionalText(resource, "original_type", null), plaintext, sensitiveFields);
  }

  /** Like {@link #parse(Function, byte[])} with headers as a map (any case of names). */
  public Notification parse(Map<String, List<String>> headers, byte[] body) {
    Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.putAll(headers);
    return parse(name -> {
      List<String> values = caseInsensitive.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }, body);
  }

  private static Object json(byte[] body) {
    try {
      Object value = JsonReader.of(new Buffer().write(body)).readJsonValue();
      if (value == null) {
        throw new WechatPayException("the notification body is JSON null");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof WechatPayException wechatPay) {
        throw wechatPay;
      }
      throw new WechatPayException("the notification body is not JSON: " + e.getMessage(), e);
    }
  }

  private static Map<?, ?> object(@Nullable Object value, String what) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new WechatPayException("the notification has no " + what + " object");
    }
    return map;
  }

  private static String text(Map<?, ?> object, String name) {
    String value = optionalText(object, name, null);
    if (value == null) {
      throw new WechatPayException("the notification lacks " + name);
    }
    return value;
  }

  private static @Nullable String optionalText(Map<?, ?> object, String name, @Nullable String fallback) {
    Object value = object.get(name);
    return value instanceof String text ? text : fallback;
  }
}
