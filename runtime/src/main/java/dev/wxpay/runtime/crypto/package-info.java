/**
 * The cryptography WeChat Pay APIv3 needs besides request signing: decrypting notification and
 * certificate payloads with the APIv3 key ({@link dev.wxpay.runtime.crypto.ApiV3Key}), signatures in
 * either scheme ({@link dev.wxpay.runtime.crypto.SignatureScheme}), sensitive-field encryption
 * ({@link dev.wxpay.runtime.crypto.SensitiveCipher}), payment-page signatures
 * ({@link dev.wxpay.runtime.crypto.PaymentSigner}), SM3 and certificate serial numbers.
 *
 * <p>RSA and AES go through JCA without pinning a provider, so a faster installed provider takes over.
 * SM2, SM3 and SM4 use a private Bouncy Castle provider instance; none is ever registered globally.
 * Every class here is immutable and thread-safe; {@code Signature}, {@code Cipher} and digest objects
 * are created per call. No message or {@code toString()} contains a key or a decrypted payload.
 */
@NullMarked
package dev.wxpay.runtime.crypto;

import org.jspecify.annotations.NullMarked;
