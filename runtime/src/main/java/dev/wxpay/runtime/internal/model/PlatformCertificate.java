package dev.wxpay.runtime.internal.model;

import dev.wxpay.annotations.Model;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code GET /v3/certificates}. WeChat Pay marks none of its fields required; the serial and
 * the encrypted certificate are, because nothing can be done without them. The validity comes from the
 * certificate itself, so the two times are optional.
 */
@Model
public record PlatformCertificate(
    String serialNo,
    @Nullable OffsetDateTime effectiveTime,
    @Nullable OffsetDateTime expireTime,
    EncryptedResource encryptCertificate) {}
