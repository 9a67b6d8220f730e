package dev.wxpay.runtime.internal.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Keys for the crypto tests, and a Bouncy Castle provider of the tests' own (never registered). */
public final class CryptoTestKeys {
  /** Independent of the one in main code, so tests check against a separate instance. */
  public static final Provider BC = new BouncyCastleProvider();

  public static final KeyPair RSA = generateRsa();

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

  private CryptoTestKeys() {}

  public static KeyPair sm2() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(new ECGenParameterSpec("sm2p256v1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  public static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
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

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static KeyPair generateRsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
