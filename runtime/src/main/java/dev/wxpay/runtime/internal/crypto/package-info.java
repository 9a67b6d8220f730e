/**
 * Internal: the cryptography behind the runtime. Decrypting notification and certificate payloads with
 * the APIv3 key ({@link dev.wxpay.runtime.internal.crypto.ApiV3Key}), signatures in either scheme
 * ({@link dev.wxpay.runtime.internal.crypto.SignatureScheme}), sensitive-field encryption
 * ({@link dev.wxpay.runtime.internal.crypto.SensitiveCipher}), PEM keys, SM3 and certificate serial
 * numbers. Not exported from the module and not part of the API: it may change in any release.
 *
 * <p>This package does not depend on {@code dev.wxpay.runtime}: failures are JDK exceptions or
 * {@link dev.wxpay.runtime.internal.crypto.DecryptionException}, which callers there translate.
 *
 * <p>RSA and AES go through JCA without pinning a provider, so a faster installed provider takes over.
 * SM2, SM3 and SM4 use a private Bouncy Castle provider instance; none is ever registered globally.
 * Every class here is immutable and thread-safe; {@code Signature}, {@code Cipher} and digest objects
 * are created per call. No message or {@code toString()} contains a key or a decrypted payload.
 */
@NullMarked
package dev.wxpay.runtime.internal.crypto;

import org.jspecify.annotations.NullMarked;
