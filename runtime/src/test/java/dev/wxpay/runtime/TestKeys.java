package dev.wxpay.runtime;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * The runtime tests' one source of keys (generated once per test run), WeChat Pay's published SM2 test
 * material, and JDK signing helpers that are independent of the code under test.
 */
public final class TestKeys {
  /** Bouncy Castle for the tests' own SM2 work, separate from the one in main code; never registered. */
  public static final Provider BC = new BouncyCastleProvider();

  public static final KeyPair MERCHANT = rsa();
  public static final KeyPair WECHATPAY = rsa();

  /**
   * The SM2 merchant key and certificate of WeChat Pay's own Java SDK tests (wechatpay-apiv3/wechatpay-java,
   * shangmi-testing/src/main/resources), published there as test material; with them come a signature of
   * {@code message} and an SM2 ciphertext of {@code plaintext} made by that SDK (BaseSM2Test).
   */
  public static final String OFFICIAL_SM2_PRIVATE_KEY_PKCS8 =
      "MIGTAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBHkwdwIBAQQg/U9Saz5ceDGQhFBM"
          + "f/cHIh2+q5Lzvhrb8L2SI4sPUR+gCgYIKoEcz1UBgi2hRANCAAR7zUf3XqGdBMCn"
          + "K02nD1fdGz+TN8xd0SQYgbkTQxk5v2mlXva0ZxDH4XJFI9D2Rt1pTSSDl29uhQ1G"
          + "Y3j6iy9+";
  public static final String OFFICIAL_SM2_CERTIFICATE =
      "MIICyTCCAmygAwIBAgIUVOf1ntjfRXDPsUeA6oFS1FpnXuYwDAYIKoEcz1UBg3UF"
          + "ADCBjTFHMEUGA1UEAww+U2hlbiBaaGVuIGlUcnVzQ2hpbmEgQ2xhc3MgRW50ZXJw"
          + "cmlzZSBTdWJzY3JpYmVyIENBIFNNMiAtIFRlc3QxGDAWBgNVBAsMD+a1i+ivlemD"
          + "qOivleeUqDEbMBkGA1UECgwS5aSp6K+a5a6J5L+h6K+V55SoMQswCQYDVQQGEwJD"
          + "TjAeFw0yMjA4MDQxMjE0MTlaFw0yMzA5MDMxMjE0MTlaMGsxCzAJBgNVBAYTAkNO"
          + "MRswGQYDVQQKDBLlvq7kv6HllYbmiLfns7vnu58xKjAoBgNVBAsMIea3seWcs+W4"
          + "guS8n+iNo+enkeaKgOaciemZkOWFrOWPuDETMBEGA1UEAwwKMjQ4MzI4MTc2MTBZ"
          + "MBMGByqGSM49AgEGCCqBHM9VAYItA0IABHvNR/deoZ0EwKcrTacPV90bP5M3zF3R"
          + "JBiBuRNDGTm/aaVe9rRnEMfhckUj0PZG3WlNJIOXb26FDUZjePqLL36jgcgwgcUw"
          + "DAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCBsAwHwYDVR0jBBgwFoAUK0Y6T9Ge"
          + "LM7UH4bC1j2avycoZPcwHQYDVR0OBBYEFBmE5STz2WNsXVrgclXrxsl6SCihMGUG"
          + "A1UdHwReMFwwWqBYoFaGVGh0dHA6Ly9ldmNhLml0cnVzLmNvbS5jbi9wdWJsaWMv"
          + "aXRydXNjcmw/Q0E9NzMzNUExQUYzNzRBMUU4QjQwM0FCMUFDMkQwNjVDQUU3NUNB"
          + "QjIzNjAMBggqgRzPVQGDdQUAA0kAMEYCIQDK0r6D8VyiUVMfRnAfz40ZtiG8DJEF"
          + "6Rn41oZ3qPW1aQIhAKtn5sKME+thLQFeyV70VSsraZ7h9Fccal2WzI2oCdtY";
  public static final String OFFICIAL_SM2_SIGNATURE_OF_MESSAGE =
      "MEYCIQD35Rp3CKt7pLme/a0GaCVmwSeOl7X/12+ppRivcJuf6QIhAO5Vpy4tSk9SJUrgH5I5Qy0aYhFG9lN0aof1f5wJOI05";
  public static final String OFFICIAL_SM2_CIPHERTEXT_OF_PLAINTEXT =
      "MHECIAGn23Ew8nF0zRfu3qgdD6VATSmGM5wrVFvNqg1ToXneAiBgfOJLVi1NtpRVH2"
          + "qanzooL4gOrDKKOloD7gS17g+iCQQgcTtJpGhytHZeV/HeTqYkg3YqOY+Vybx+OQx217Ktn0QECdMjiI7lpId5dg==";

  private TestKeys() {}

  /** A fresh RSA-2048 key pair. */
  public static KeyPair rsa() {
    return generate("RSA", null, 2048, null);
  }

  /** A fresh SM2 key pair (EC on sm2p256v1). */
  public static KeyPair sm2() {
    return generate("EC", new ECGenParameterSpec("sm2p256v1"), 0, BC);
  }

  /** A fresh EC key pair on a curve the JDK knows, e.g. {@code secp256r1}. */
  public static KeyPair ec(String curve) {
    return generate("EC", new ECGenParameterSpec(curve), 0, null);
  }

  private static KeyPair generate(String algorithm, AlgorithmParameterSpec spec, int bits, Provider provider) {
    try {
      KeyPairGenerator generator = provider == null
          ? KeyPairGenerator.getInstance(algorithm) : KeyPairGenerator.getInstance(algorithm, provider);
      if (spec != null) {
        generator.initialize(spec);
      } else {
        generator.initialize(bits);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  public static PrivateKey officialSm2PrivateKey() {
    try {
      return KeyFactory.getInstance("EC", BC)
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(OFFICIAL_SM2_PRIVATE_KEY_PKCS8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  public static X509Certificate officialSm2Certificate() {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509", BC).generateCertificate(
          new ByteArrayInputStream(Base64.getDecoder().decode(OFFICIAL_SM2_CERTIFICATE)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  public static PublicKey officialSm2PublicKey() {
    return officialSm2Certificate().getPublicKey();
  }

  public static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /** Base64 SHA256withRSA with the JDK directly. */
  public static String sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(message);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  public static boolean verify(PublicKey key, byte[] message, String base64Signature) {
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(Base64.getDecoder().decode(base64Signature));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Fragments of a key's encoding, to check that no message leaks any of it. */
  public static String[] fragments(byte[] encoded) {
    String base64 = Base64.getEncoder().encodeToString(encoded);
    String[] out = new String[base64.length() / 64];
    for (int i = 0; i < out.length; i++) {
      out[i] = base64.substring(i * 64, i * 64 + 16);
    }
    return out;
  }

  /**
   * SM2-encrypts with Bouncy Castle's engine directly, not through the code under test: C1C3C2 as the
   * GM/T 0009 DER sequence (x, y, hash, ciphertext) WeChat Pay uses for sensitive fields.
   */
  public static byte[] sm2Encrypt(PublicKey key, byte[] plaintext) throws GeneralSecurityException {
    try {
      SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
      engine.init(true, new ParametersWithRandom(ECUtil.generatePublicKeyParameter(key), new SecureRandom()));
      byte[] raw = engine.processBlock(plaintext, 0, plaintext.length); // 04 || x || y || C3 || C2
      return new DERSequence(new ASN1Encodable[] {
          new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33))),
          new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 33, 65))),
          new DEROctetString(Arrays.copyOfRange(raw, 65, 97)),
          new DEROctetString(Arrays.copyOfRange(raw, 97, raw.length)),
      }).getEncoded();
    } catch (java.io.IOException | org.bouncycastle.crypto.InvalidCipherTextException e) {
      throw new GeneralSecurityException(e);
    }
  }
}
