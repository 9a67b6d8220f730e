package dev.wxpay.runtime.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The merchant's APIv3 key, which decrypts the {@code resource} of notifications and the certificates of
 * {@code GET /v3/certificates}. Immutable and thread-safe; {@link #toString()} never shows the key.
 *
 * <p>Two algorithms are supported, named as in the {@code algorithm} field of those payloads:
 * <ul>
 *   <li>{@value #AEAD_AES_256_GCM}: AES-256-GCM keyed with the 32 key bytes;
 *   <li>{@value #AEAD_SM4_GCM}: SM4-GCM keyed with the first 16 bytes of SM3 over the 32 key bytes.
 * </ul>
 * Both use a 128-bit tag appended to the ciphertext, the UTF-8 bytes of the {@code nonce} as IV and the
 * UTF-8 bytes of {@code associated_data} as additional authenticated data. The tag is always checked.
 */
public final class ApiV3Key {
  /** AES-256-GCM, the algorithm of RSA merchants. */
  public static final String AEAD_AES_256_GCM = "AEAD_AES_256_GCM";
  /** SM4-GCM, the algorithm of SM ("guomi") merchants. */
  public static final String AEAD_SM4_GCM = "AEAD_SM4_GCM";

  private static final int KEY_BYTES = 32;
  private static final int SM4_KEY_BYTES = 16;
  private static final int TAG_BITS = 128;

  private final byte[] key;

  private ApiV3Key(byte[] key) {
    this.key = key;
  }

  /**
   * The APIv3 key as set in the merchant platform.
   *
   * @throws IllegalArgumentException if the key is not exactly 32 bytes in UTF-8; the message gives the
   *     length, never the key
   */
  public static ApiV3Key of(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException("the APIv3 key must be 32 bytes, got " + bytes.length);
    }
    return new ApiV3Key(bytes);
  }

  /**
   * Decrypts and authenticates a payload.
   *
   * @param algorithm {@value #AEAD_AES_256_GCM} or {@value #AEAD_SM4_GCM}
   * @param nonce the payload's {@code nonce}
   * @param associatedData the payload's {@code associated_data}; empty when the payload has none
   * @param ciphertextBase64 the payload's {@code ciphertext}: Base64 of ciphertext followed by the tag
   * @return the plaintext bytes
   * @throws DecryptionException if the algorithm is not one of the two above (it comes from the payload,
   *     so this is a check that failed; {@link DecryptionException#unsupportedAlgorithm()}), or if the tag
   *     does not match or the input is malformed
   */
  public byte[] decrypt(String algorithm, String nonce, String associatedData, String ciphertextBase64)
      throws DecryptionException {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(associatedData, "associatedData");
    Objects.requireNonNull(ciphertextBase64, "ciphertextBase64");
    Cipher cipher;
    Key secretKey;
    switch (Objects.requireNonNull(algorithm, "algorithm")) {
      case AEAD_AES_256_GCM -> {
        // No provider pinned: an installed faster AES-GCM takes over.
        cipher = cipherInstance("AES/GCM/NoPadding", false);
        secretKey = new SecretKeySpec(key, "AES");
      }
      case AEAD_SM4_GCM -> {
        cipher = cipherInstance("SM4/GCM/NoPadding", true);
        byte[] sm4Key = Arrays.copyOf(Sm3.digest(key), SM4_KEY_BYTES);
        secretKey = new SecretKeySpec(sm4Key, "SM4");
        Arrays.fill(sm4Key, (byte) 0); // SecretKeySpec keeps its own copy
      }
      default -> throw DecryptionException.unsupportedAlgorithm("unsupported algorithm: "
          + echo(algorithm) + "; expected " + AEAD_AES_256_GCM + " or " + AEAD_SM4_GCM);
    }

    byte[] ciphertext;
    try {
      ciphertext = Base64.getDecoder().decode(ciphertextBase64);
    } catch (IllegalArgumentException e) {
      throw DecryptionException.failed(algorithm + " ciphertext is not Base64", e);
    }
    if (ciphertext.length < TAG_BITS / 8) {
      throw DecryptionException.failed(algorithm + " ciphertext is shorter than its 16-byte tag", null);
    }
    if (nonce.isEmpty()) {
      throw DecryptionException.failed(algorithm + " nonce is empty", null);
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, secretKey,
          new GCMParameterSpec(TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw DecryptionException.failed(algorithm + " tag mismatch: wrong APIv3 key, nonce or associated data, or altered ciphertext",
          e);
    } catch (GeneralSecurityException e) {
      // Fixed message: provider messages are not needed to act on this and are not ours to vouch for.
      throw DecryptionException.failed(algorithm + " decryption failed (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Like {@link #decrypt}, returning the plaintext decoded as UTF-8 (the payloads are JSON or PEM).
   *
   * @throws DecryptionException if the algorithm is not supported or the payload does not decrypt
   */
  public String decryptToString(
      String algorithm, String nonce, String associatedData, String ciphertextBase64)
      throws DecryptionException {
    return new String(decrypt(algorithm, nonce, associatedData, ciphertextBase64), StandardCharsets.UTF_8);
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "ApiV3Key[redacted]";
  }

  private static Cipher cipherInstance(String transformation, boolean bouncyCastle) {
    try {
      return bouncyCastle ? Cipher.getInstance(transformation, Bc.PROVIDER) : Cipher.getInstance(transformation);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(transformation + " is not available", e);
    }
  }

  /** Payload text in a message, cut short: it comes from the network. */
  private static String echo(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
