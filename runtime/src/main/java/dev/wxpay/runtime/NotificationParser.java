package dev.wxpay.runtime;

import com.squareup.moshi.JsonDataException;
import dev.wxpay.runtime.internal.crypto.ApiV3Key;
import dev.wxpay.runtime.internal.crypto.DecryptionException;
import dev.wxpay.runtime.internal.model.EncryptedResource;
import dev.wxpay.runtime.internal.model.NotificationEnvelope;
import dev.wxpay.runtime.internal.model.NotificationEnvelopeJsonAdapter;
import dev.wxpay.runtime.spi.SensitiveFields;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
  private static final NotificationEnvelopeJsonAdapter ENVELOPE = NotificationEnvelopeJsonAdapter.INSTANCE;

  private final Pipeline.AnswerCheck verifier;
  private final ApiV3Key apiV3Key;
  private final SensitiveFields sensitiveFields;

  private final long maxBodyBytes;

  /**
   * {@code sensitiveFields} decrypts the {@code @Encrypted} fields of resources with the merchant key; a body
   * longer than {@code maxBodyBytes} is refused unread.
   */
  NotificationParser(Pipeline.AnswerCheck verifier, ApiV3Key apiV3Key, SensitiveFields sensitiveFields,
      long maxBodyBytes) {
    this.verifier = verifier;
    this.apiV3Key = apiV3Key;
    this.sensitiveFields = sensitiveFields;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Parses a notification.
   *
   * @param headers the request's headers by name, looked up case-insensitively by the caller (a
   *     servlet's {@code request::getHeader} fits)
   * @param body the raw request body, exactly as received
   * @throws SignatureProbeException for WeChat Pay's signature probes
   * @throws ValidationException if a check fails or the resource does not decrypt
   * @throws WechatPayException if the body is not a notification, or is longer than
   *     {@link WechatPay.Builder#maxAnswerBytes(long)} (WeChat Pay's are a few KB)
   */
  public Notification parse(Function<String, @Nullable String> headers, byte[] body) {
    if (body.length > maxBodyBytes) {
      throw new WechatPayException("the notification body is longer than " + maxBodyBytes
          + " bytes (WechatPay.Builder.maxAnswerBytes); not verified");
    }
    verifier.check(headers, body);
    NotificationEnvelope envelope = envelope(body);
    EncryptedResource resource = envelope.resource();
    String plaintext;
    try {
      plaintext = apiV3Key.decryptToString(resource.algorithm(), resource.nonce(),
          Objects.requireNonNullElse(resource.associatedData(), ""), resource.ciphertext());
    } catch (DecryptionException e) {
      throw ValidationException.of(e);
    }
    return new Notification(envelope.id(), envelope.createTime(), envelope.eventType(),
        envelope.resourceType(), envelope.summary(), resource.originalType(), plaintext, sensitiveFields);
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

  /** The verified body, decoded; nothing in it is decrypted yet, so messages may quote it. */
  private static NotificationEnvelope envelope(byte[] body) {
    try {
      NotificationEnvelope envelope = JsonDocuments.decode(ENVELOPE, new Buffer().write(body), null);
      if (envelope == null) {
        throw new JsonDataException("the body is JSON null");
      }
      return envelope;
    } catch (JsonDataException e) {
      throw new WechatPayException(
          "the notification body is not a notification with an encrypted resource: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw new WechatPayException("the notification body is not JSON: " + e.getMessage(), e);
    }
  }
}
