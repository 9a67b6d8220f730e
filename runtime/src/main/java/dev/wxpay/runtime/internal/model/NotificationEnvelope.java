package dev.wxpay.runtime.internal.model;

import dev.wxpay.annotations.Model;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The body of a notification (callback), as WeChat Pay documents it for {@code notify_url}: everything but
 * {@code summary} is required.
 */
@Model
public record NotificationEnvelope(
    String id,
    OffsetDateTime createTime,
    String eventType,
    String resourceType,
    @Nullable String summary,
    EncryptedResource resource) {}
