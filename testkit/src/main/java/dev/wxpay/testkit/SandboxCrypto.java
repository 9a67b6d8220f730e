package dev.wxpay.testkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox's own crypto, written against the JDK and Bouncy Castle directly so that it stays independent
 * of the runtime's. The JDK does RSA, AES-GCM and SHA-1; a private Bouncy Castle provider instance (never
 * registered with {@code Security}) does SM2, SM3 and SM4 and builds certificates. One per sandbox.
 */
final class SandboxCrypto {
  static final int GCM_TAG_BITS = 128;
  private static final X9ECParameters SM2_CURVE = GMNamedCurves.getByName("sm2p256v1");

  private final SandboxAlgorithm algorithm;
  private final BouncyCastleProvider bc = new BouncyCastleProvider();

  SandboxCrypto(SandboxAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  SandboxAlgorithm algorithm() {
    return algorithm;
  }

  /** This sandbox's Bouncy Castle provider, never registered; also builds its TLS certificate. */
  java.security.Provider provider() {
    return bc;
  }

  /** A fresh RSA-2048 or SM2 key pair. */
  KeyPair generateKeyPair(SecureRandom random) {
    try {
      if (algorithm == SandboxAlgorithm.SM2) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"), random);
        return generator.generateKeyPair();
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + algorithm + " key pair", e);
    }
  }

  /** Whether the key fits the algorithm: RSA, or EC on the curve {@code sm2p256v1}. */
  boolean fits(Key key) {
    return algorithm == SandboxAlgorithm.SM2 ? isSm2(key) : "RSA".equals(key.getAlgorithm());
  }

  /** Whether the key is an EC key on the curve {@code sm2p256v1}. */
  static boolean isSm2(Key key) {
    return key instanceof ECKey ec && ec.getParams().getOrder().equals(SM2_CURVE.getN())
        && ec.getParams().getCurve().getA().equals(SM2_CURVE.getCurve().getA().toBigInteger());
  }

  private Signature signature() throws GeneralSecurityException {
    // SM3withSM2 from Bouncy Castle uses the default user id 1234567812345678 and DER-encodes (r, s),
    // which is what WeChat Pay specifies (签名格式 RS_ASN1).
    return algorithm == SandboxAlgorithm.SM2
        ? Signature.getInstance(algorithm.signatureAlgorithm(), bc)
        : Signature.getInstance(algorithm.signatureAlgorithm());
  }

  /** Returns the Base64 signature of the message. */
  String sign(PrivateKey key, byte[] message) {
    try {
      Signature signer = signature();
      signer.initSign(key);
      signer.update(message);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + algorithm.signatureAlgorithm(), e);
    }
  }

  /** Whether the signature bytes verify; a malformed signature is one that does not. */
  boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = signature();
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Encrypts as WeChat Pay encrypts resources and certificates and returns Base64(ciphertext ‖ tag):
   * AES-256-GCM with the APIv3 key, or SM4-GCM with the first 16 bytes of SM3(APIv3 key); 128-bit tag; the
   * nonce and associated data as UTF-8 bytes.
   */
  String encrypt(byte[] apiV3Key, String nonce, String associatedData, byte[] plaintext) {
    try {
      Cipher cipher;
      SecretKeySpec key;
      if (algorithm == SandboxAlgorithm.SM2) {
        cipher = Cipher.getInstance("SM4/GCM/NoPadding", bc);
        key = new SecretKeySpec(Arrays.copyOf(digest("SM3", apiV3Key), 16), "SM4");
      } else {
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        key = new SecretKeySpec(apiV3Key, "AES");
      }
      cipher.init(Cipher.ENCRYPT_MODE, key,
          new GCMParameterSpec(GCM_TAG_BITS, nonce.getBytes(StandardCharsets.UTF_8)));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt with " + algorithm.aeadAlgorithm(), e);
    }
  }

  /**
   * Returns the digest as lower-case hex, as WeChat Pay writes a bill's {@code hash_value}.
   *
   * @param hashType {@code SHA1} or {@code SM3}
   */
  String hashHex(String hashType, byte[] content) {
    return HexFormat.of().formatHex(digest(hashType, content));
  }

  private byte[] digest(String hashType, byte[] content) {
    try {
      MessageDigest digest = switch (hashType) {
        case "SHA1" -> MessageDigest.getInstance("SHA-1");
        case "SM3" -> MessageDigest.getInstance("SM3", bc);
        default -> throw new IllegalArgumentException("unknown hash type " + hashType);
      };
      return digest.digest(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot hash with " + hashType, e);
    }
  }

  /** A self-signed platform certificate for the key pair (signed with SHA256withRSA or SM3withSM2). */
  X509Certificate certificate(KeyPair keyPair, BigInteger serial, Instant notBefore, Instant notAfter,
      String mchid) {
    X500Name subject = new X500Name("C=CN, O=Tenpay.com, OU=Tenpay.com CA Center, CN=Tenpay.com sandbox "
        + mchid);
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).setProvider(bc).build(keyPair.getPrivate());
      X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject, serial, Date.from(notBefore),
          Date.from(notAfter), subject, keyPair.getPublic()).build(signer);
      return new JcaX509CertificateConverter().setProvider(bc).getCertificate(holder);
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a " + algorithm + " platform certificate", e);
    }
  }

  /**
   * The serial number as WeChat Pay writes it: upper-case hex, left-padded with {@code 0} to an even number
   * of digits.
   */
  static String serialHex(BigInteger serial) {
    String hex = serial.toString(16).toUpperCase(Locale.ROOT);
    return hex.length() % 2 == 0 ? hex : "0" + hex;
  }
}
