package dev.wxpay.runtime.internal.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * Encryption of sensitive request fields (names, ID and phone numbers, ...) with the WeChat Pay public
 * key, and decryption of sensitive response fields with the merchant private key. The key decides the
 * algorithm:
 * <ul>
 *   <li>RSA keys: RSA-OAEP with SHA-1 and MGF1-SHA-1 ({@code RSA/ECB/OAEPWithSHA-1AndMGF1Padding}), the
 *       parameters spelled out so every provider agrees. PKCS#1 v1.5 encryption is never used or accepted.
 *   <li>SM2 keys: SM2 public-key encryption (GB/T 32918.4) with SM3, in the order C1C3C2, encoded as GM/T
 *       0009's ASN.1 {@code SEQUENCE {x INTEGER, y INTEGER, hash OCTET STRING(32), ciphertext OCTET STRING}}
 *       as WeChat Pay's SDKs send and accept it.
 * </ul>
 * Ciphertexts are Base64 (standard alphabet, padded). Thread-safe; no state.
 */
public final class SensitiveCipher {
  private static final String RSA_OAEP = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";
  private static final OAEPParameterSpec OAEP_SHA1 =
      new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
  /** OAEP with SHA-1 costs 2 * 20 + 2 bytes of the modulus. */
  private static final int OAEP_SHA1_OVERHEAD = 42;
  private static final int SM3_BYTES = 32;

  private SensitiveCipher() {}

  /**
   * Encrypts {@code plaintext} (as UTF-8) for the holder of the private key matching {@code key}.
   *
   * @return Base64 of the ciphertext
   * @throws IllegalArgumentException if the key is neither RSA nor SM2, or the plaintext is too long for
   *     the RSA key (the message gives lengths only)
   */
  public static String encrypt(PublicKey key, String plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] in = plaintext.getBytes(StandardCharsets.UTF_8);
    byte[] out = switch (SignatureScheme.forKey(Objects.requireNonNull(key, "key"))) {
      case RSA -> rsaEncrypt(key, in);
      case SM2 -> sm2Encrypt(key, in);
    };
    return Base64.getEncoder().encodeToString(out);
  }

  /**
   * Decrypts a Base64 ciphertext made for {@code key} and decodes it as UTF-8.
   *
   * @throws IllegalArgumentException if the key is neither RSA nor SM2
   * @throws DecryptionException if the ciphertext is malformed or does not decrypt under this key; the
   *     message never holds plaintext
   */
  public static String decrypt(PrivateKey key, String ciphertextBase64) throws DecryptionException {
    Objects.requireNonNull(ciphertextBase64, "ciphertextBase64");
    SignatureScheme scheme = SignatureScheme.forKey(Objects.requireNonNull(key, "key"));
    byte[] in;
    try {
      in = Base64.getDecoder().decode(ciphertextBase64);
    } catch (IllegalArgumentException e) {
      throw DecryptionException.failed(scheme + " ciphertext is not Base64", e);
    }
    byte[] out = switch (scheme) {
      case RSA -> rsaDecrypt(key, in);
      case SM2 -> sm2Decrypt(key, in);
    };
    return new String(out, StandardCharsets.UTF_8);
  }

  private static byte[] rsaEncrypt(PublicKey key, byte[] in) {
    if (key instanceof RSAKey rsa) {
      int max = (rsa.getModulus().bitLength() + 7) / 8 - OAEP_SHA1_OVERHEAD;
      if (in.length > max) {
        throw new IllegalArgumentException("plaintext is " + in.length + " bytes in UTF-8; RSA-OAEP with this "
            + rsa.getModulus().bitLength() + "-bit key takes at most " + max);
      }
    }
    try {
      Cipher cipher = rsaCipher();
      cipher.init(Cipher.ENCRYPT_MODE, key, OAEP_SHA1);
      return cipher.doFinal(in);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("cannot encrypt with this " + SignatureScheme.describe(key) + " key", e);
    } catch (IllegalBlockSizeException e) {
      throw new IllegalArgumentException("plaintext is too long for RSA-OAEP with this key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA-OAEP encryption failed", e);
    }
  }

  private static byte[] rsaDecrypt(PrivateKey key, byte[] in) throws DecryptionException {
    Cipher cipher;
    try {
      cipher = rsaCipher();
      cipher.init(Cipher.DECRYPT_MODE, key, OAEP_SHA1);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("cannot decrypt with this " + SignatureScheme.describe(key) + " key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA-OAEP is not available", e);
    }
    try {
      return cipher.doFinal(in);
    } catch (BadPaddingException | IllegalBlockSizeException e) {
      // Wrong key, altered bytes, wrong length, or a PKCS#1 v1.5 ciphertext: all "does not decrypt".
      throw DecryptionException.failed("RSA-OAEP ciphertext does not decrypt under this key", e);
    }
  }

  private static Cipher rsaCipher() throws GeneralSecurityException {
    // No provider pinned; the explicit OAEPParameterSpec keeps providers from picking other MGF1 digests.
    return Cipher.getInstance(RSA_OAEP);
  }

  private static byte[] sm2Encrypt(PublicKey key, byte[] in) {
    AsymmetricKeyParameter publicKey;
    try {
      publicKey = ECUtil.generatePublicKeyParameter(key);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("cannot encrypt with this " + SignatureScheme.describe(key) + " key", e);
    }
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(true, new ParametersWithRandom(publicKey, Random.INSTANCE));
    byte[] raw;
    try {
      raw = engine.processBlock(in, 0, in.length);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("SM2 encryption failed", e);
    }
    // Bouncy Castle gives 0x04 || x || y || C3 || C2 with fixed-width x and y.
    int n = Bc.SM2_FIELD_BYTES;
    ASN1Encodable[] fields = {
      new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 1 + n))),
      new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1 + n, 1 + 2 * n))),
      new DEROctetString(Arrays.copyOfRange(raw, 1 + 2 * n, 1 + 2 * n + SM3_BYTES)),
      new DEROctetString(Arrays.copyOfRange(raw, 1 + 2 * n + SM3_BYTES, raw.length)),
    };
    try {
      return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("could not encode the SM2 ciphertext", e);
    }
  }

  private static byte[] sm2Decrypt(PrivateKey key, byte[] in) throws DecryptionException {
    AsymmetricKeyParameter privateKey;
    try {
      privateKey = ECUtil.generatePrivateKeyParameter(key);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("cannot decrypt with this " + SignatureScheme.describe(key) + " key", e);
    }
    byte[] raw = sm2Raw(in);
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(false, privateKey);
    try {
      return engine.processBlock(raw, 0, raw.length);
    } catch (InvalidCipherTextException | RuntimeException e) {
      // C1 off the curve, or the C3 hash does not match: wrong key or altered bytes.
      throw DecryptionException.failed("SM2 ciphertext does not decrypt under this key", e);
    }
  }

  /** GM/T 0009's ASN.1 ciphertext to Bouncy Castle's {@code 0x04 || x || y || C3 || C2}. */
  private static byte[] sm2Raw(byte[] der) throws DecryptionException {
    ASN1Sequence sequence;
    BigInteger x;
    BigInteger y;
    byte[] c3;
    byte[] c2;
    try {
      if (DerDepth.tooDeep(der, 1)) {
        // Nested values: not the shape below, and Bouncy Castle's parser would recurse once per level.
        throw new IOException("nested values");
      }
      // fromByteArray rejects trailing bytes.
      sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
      if (sequence.size() != 4) {
        throw DecryptionException.failed("SM2 ciphertext has " + sequence.size() + " fields, expected 4", null);
      }
      x = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
      y = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
      c3 = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
      c2 = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
    } catch (IOException | RuntimeException e) {
      throw DecryptionException.failed(
          "SM2 ciphertext is not the ASN.1 SEQUENCE {x INTEGER, y INTEGER, hash OCTET STRING, "
              + "ciphertext OCTET STRING}", e);
    }
    int n = Bc.SM2_FIELD_BYTES;
    if (x.signum() < 0 || y.signum() < 0 || x.bitLength() > 8 * n || y.bitLength() > 8 * n) {
      throw DecryptionException.failed("SM2 ciphertext's point C1 is out of range", null);
    }
    if (c3.length != SM3_BYTES) {
      throw DecryptionException.failed("SM2 ciphertext's hash is " + c3.length + " bytes, expected " + SM3_BYTES, null);
    }
    byte[] raw = new byte[1 + 2 * n + SM3_BYTES + c2.length];
    raw[0] = 0x04; // uncompressed point
    // x and y are minimal DER integers: left-pad them back to the field width.
    putFixed(x, raw, 1, n);
    putFixed(y, raw, 1 + n, n);
    System.arraycopy(c3, 0, raw, 1 + 2 * n, SM3_BYTES);
    System.arraycopy(c2, 0, raw, 1 + 2 * n + SM3_BYTES, c2.length);
    return raw;
  }

  private static void putFixed(BigInteger value, byte[] out, int offset, int width) {
    byte[] bytes = value.toByteArray(); // may carry one leading 0x00 sign byte
    int length = Math.min(bytes.length, width);
    System.arraycopy(bytes, bytes.length - length, out, offset + width - length, length);
  }

  /** The source of SM2's per-message random scalar; SecureRandom is thread-safe. Created on first SM2 use. */
  private static final class Random {
    static final SecureRandom INSTANCE = new SecureRandom();
  }
}
