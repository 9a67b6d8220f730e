package dev.wxpay.runtime;

import com.squareup.moshi.JsonAdapter;
import dev.wxpay.runtime.spi.SensitiveFields;
import java.io.IOException;
import java.time.OffsetDateTime;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A verified and decrypted WeChat Pay notification (callback). The decrypted resource is available as
 * JSON text or decoded with a generated adapter; {@link #toString()} leaves it out, as it may hold
 * personal data.
 */
public final class Notification {
  private final String id;
  private final OffsetDateTime createTime;
  private final String eventType;
  private final String resourceType;
  private final @Nullable String summary;
  private final @Nullable String originalType;
  private final String resourceJson;
  private final SensitiveFields sensitiveFields;

  Notification(
      String id,
      OffsetDateTime createTime,
      String eventType,
      String resourceType,
      @Nullable String summary,
      @Nullable String originalType,
      String resourceJson,
      SensitiveFields sensitiveFields) {
    this.id = id;
    this.createTime = createTime;
    this.eventType = eventType;
    this.resourceType = resourceType;
    this.summary = summary;
    this.originalType = originalType;
    this.resourceJson = resourceJson;
    this.sensitiveFields = sensitiveFields;
  }

  /** The notification id; WeChat Pay may deliver one notification more than once. */
  public String id() {
    return id;
  }

  public OffsetDateTime createTime() {
    return createTime;
  }

  /** E.g. {@code TRANSACTION.SUCCESS}. */
  public String eventType() {
    return eventType;
  }

  /** E.g. {@code encrypt-resource}. */
  public String resourceType() {
    return resourceType;
  }

  /** WeChat Pay's short description, e.g. {@code 支付成功}. */
  public @Nullable String summary() {
    return summary;
  }

  /** What the resource is, e.g. {@code transaction}. */
  public @Nullable String originalType() {
    return originalType;
  }

  /** The decrypted resource as JSON text. */
  public String resourceJson() {
    return resourceJson;
  }

  /**
   * The decrypted resource decoded with {@code adapter}, e.g. a generated {@code TransactionJsonAdapter}.
   * Its {@code @Encrypted} fields are decrypted with the merchant private key, as in answers.
   *
   * @throws ValidationException with {@link ValidationException.Reason#DECRYPTION_FAILED} if an
   *     {@code @Encrypted} field does not decrypt
   * @throws WechatPayException if the resource does not fit the adapter
   */
  public <T> T resource(JsonAdapter<T> adapter) {
    try {
      T value = JsonDocuments.decode(adapter, new Buffer().writeUtf8(resourceJson), sensitiveFields);
      if (value == null) {
        throw new WechatPayException("the notification resource is null");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof WechatPayException wechatPay) {
        // Includes a ValidationException of an @Encrypted field, whose message holds no field data.
        throw wechatPay;
      }
      // Neither the cause nor its message: JSON errors quote the decrypted values they failed on.
      throw new WechatPayException("could not decode the resource of notification " + id + " with "
          + adapter + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public String toString() {
    return "Notification{id=" + id + ", eventType=" + eventType + ", createTime=" + createTime + "}";
  }
}
