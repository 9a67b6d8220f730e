package dev.wxpay.runtime.internal.model;

import dev.wxpay.annotations.Model;
import org.jspecify.annotations.Nullable;

/**
 * An AEAD payload under the APIv3 key: a notification's {@code resource} or a platform certificate's
 * {@code encrypt_certificate}. {@code algorithm}, {@code nonce} and {@code ciphertext} are required;
 * {@code associated_data} (empty when absent) and {@code original_type} (notifications only) are not.
 */
@Model
public record EncryptedResource(
    String algorithm,
    String ciphertext,
    @Nullable String associatedData,
    @Nullable String originalType,
    String nonce) {}
