package dev.wxpay.runtime.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.spec.ECParameterSpec;
import java.util.Objects;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.jspecify.annotations.Nullable;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;

/**
 * The two signature schemes of WeChat Pay APIv3. The merchant's key decides which one a merchant uses
 * ({@link #forKey}); the scheme decides the {@code Authorization} schema and the signature algorithm.
 * Signatures are Base64-encoded by the caller; this type works on raw bytes.
 */
public enum SignatureScheme {
  /**
   * SHA256withRSA (PKCS#1 v1.5 signature padding, as the API requires), schema
   * {@code WECHATPAY2-SHA256-RSA2048}. No JCA provider is pinned, so a faster installed one is used.
   */
  RSA("WECHATPAY2-SHA256-RSA2048", "SHA256withRSA") {
    @Override
    Signature newSignature(@Nullable Provider provider) throws GeneralSecurityException {
      return provider == null ? Signature.getInstance(jcaAlgorithm) : Signature.getInstance(jcaAlgorithm, provider);
    }
  },

  /**
   * SM2 with SM3 (GB/T 32918, GM/T 0009) and the default user id {@code 1234567812345678}, schema
   * {@code WECHATPAY2-SM2-WITH-SM3}. Signatures are the ASN.1 DER {@code SEQUENCE {r INTEGER, s INTEGER}},
   * as in WeChat Pay's own SDK, not raw {@code r||s}. Uses a private Bouncy Castle provider.
   */
  SM2("WECHATPAY2-SM2-WITH-SM3", "SM3withSM2") {
    @Override
    Signature newSignature(@Nullable Provider provider) throws GeneralSecurityException {
      Signature signature = Signature.getInstance(jcaAlgorithm, Bc.PROVIDER);
      // Bouncy Castle defaults to the same id; set it anyway so the choice is ours, not a default's.
      signature.setParameter(new SM2ParameterSpec(SM2_USER_ID.clone()));
      return signature;
    }
  };

  /** The SM2 user id (ID_A) WeChat Pay signs with: GM/T 0009's default, the ASCII {@code 1234567812345678}. */
  private static final byte[] SM2_USER_ID = {
    '1', '2', '3', '4', '5', '6', '7', '8', '1', '2', '3', '4', '5', '6', '7', '8'
  };

  private final String schema;
  final String jcaAlgorithm;

  SignatureScheme(String schema, String jcaAlgorithm) {
    this.schema = schema;
    this.jcaAlgorithm = jcaAlgorithm;
  }

  /**
   * A fresh, uninitialized {@code Signature}; instances are not thread-safe, so never shared.
   *
   * @param provider the provider for RSA, or null for the JCA's choice; SM2 always uses Bouncy Castle
   */
  abstract Signature newSignature(@Nullable Provider provider) throws GeneralSecurityException;

  /** The {@code Authorization} schema, e.g. {@code WECHATPAY2-SHA256-RSA2048}. */
  public String schema() {
    return schema;
  }

  /**
   * Signs {@code message}.
   *
   * @throws IllegalArgumentException if the key does not belong to this scheme
   * @throws IllegalStateException if the algorithm is not available or the provider fails
   */
  public byte[] sign(PrivateKey key, byte[] message) {
    return sign(key, message, null);
  }

  /**
   * Signs {@code message}, for RSA with {@code provider} if it is not null.
   *
   * @throws IllegalArgumentException if the key does not belong to this scheme
   * @throws IllegalStateException if the algorithm is not available or the provider fails
   */
  public byte[] sign(PrivateKey key, byte[] message, @Nullable Provider provider) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    requireScheme(key);
    try {
      Signature signature = newSignature(provider);
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException(name() + " cannot sign with this " + describe(key) + " key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(jcaAlgorithm + " signing failed", e);
    }
  }

  /**
   * Whether {@code signature} is a valid signature of {@code message} under {@code key}. A malformed
   * signature (wrong length, not DER) is simply not valid: the answer is {@code false}, not an exception.
   *
   * @throws IllegalArgumentException if the key does not belong to this scheme
   */
  public boolean verify(PublicKey key, byte[] message, byte[] signature) {
    return verify(key, message, signature, null);
  }

  /**
   * Checks that {@code key} can sign, for RSA with {@code provider} if it is not null, without signing.
   *
   * @throws IllegalArgumentException if the key does not belong to this scheme or no provider takes it
   * @throws IllegalStateException if the algorithm is not available
   */
  public void checkSigningKey(PrivateKey key, @Nullable Provider provider) {
    Objects.requireNonNull(key, "key");
    requireScheme(key);
    try {
      newSignature(provider).initSign(key);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException(name() + " cannot sign with this " + describe(key) + " key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(jcaAlgorithm + " signing is not available", e);
    }
  }

  /**
   * Like {@link #verify(PublicKey, byte[], byte[])}, for RSA with {@code provider} if it is not null.
   *
   * @throws IllegalArgumentException if the key does not belong to this scheme
   */
  public boolean verify(PublicKey key, byte[] message, byte[] signature, @Nullable Provider provider) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    requireScheme(key);
    Signature verifier;
    try {
      verifier = newSignature(provider);
      verifier.initVerify(key);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException(name() + " cannot verify with this " + describe(key) + " key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(jcaAlgorithm + " verification failed", e);
    }
    if (this == SM2 && DerDepth.tooDeep(signature, 1)) {
      // Not SEQUENCE {r, s}; Bouncy Castle's decoder would recurse once per level of nesting.
      return false;
    }
    try {
      verifier.update(message);
      return verifier.verify(signature);
    } catch (SignatureException | RuntimeException e) {
      // Providers report undecodable signatures by throwing; for a caller that is just "not valid".
      return false;
    }
  }

  /**
   * The scheme a key belongs to: an RSA key gives {@link #RSA}, an EC key on the SM2 curve
   * ({@code sm2p256v1}) gives {@link #SM2}.
   *
   * @throws IllegalArgumentException for any other key; the message names the algorithm and curve only
   */
  public static SignatureScheme forKey(Key key) {
    Objects.requireNonNull(key, "key");
    if ("RSA".equals(key.getAlgorithm())) {
      return RSA;
    }
    if (key instanceof ECKey ec && Bc.isSm2(ec)) {
      return SM2;
    }
    throw new IllegalArgumentException(
        "wrong key type: " + describe(key) + "; expected an RSA key or an EC key on " + Bc.SM2_CURVE_NAME);
  }

  private void requireScheme(Key key) {
    SignatureScheme actual = forKey(key);
    if (actual != this) {
      throw new IllegalArgumentException("wrong key type: " + describe(key) + " is not an " + name() + " key");
    }
  }

  /** The key's algorithm and, for EC keys, its curve; nothing about the key's value. */
  static String describe(Key key) {
    if (!(key instanceof ECKey ec)) {
      return key.getAlgorithm();
    }
    if (Bc.isSm2(ec)) {
      return "EC (" + Bc.SM2_CURVE_NAME + ")";
    }
    ECParameterSpec spec = ec.getParams();
    if (spec instanceof ECNamedCurveSpec named) {
      return "EC (" + named.getName() + ")";
    }
    if (spec.getClass() != ECParameterSpec.class) {
      // The JDK's named curves print their names and OID, e.g. "secp256r1 [NIST P-256, ...] (1.2...)".
      return "EC (" + spec + ")";
    }
    return "EC (unnamed " + spec.getCurve().getField().getFieldSize() + "-bit curve)";
  }
}
