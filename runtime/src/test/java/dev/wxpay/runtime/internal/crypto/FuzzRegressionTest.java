package dev.wxpay.runtime.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.TestKeys;
import java.nio.charset.StandardCharsets;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Inputs {@link CryptoFuzzTest} found: ASN.1 nested thousands of levels deep overflowed the stack in
 * Bouncy Castle's recursive parser (a {@link StackOverflowError}, no documented exception) when read as a
 * PEM key or certificate, as an SM2 sensitive field, and as an SM2 signature; and a certificate with an
 * unreadable date, found by {@code CertificateDownloadFuzzTest}.
 */
class FuzzRegressionTest {
  private static final byte[] DEEP = CryptoFuzzTest.nested(5_000, new byte[] {0x05, 0x00});

  @Test
  void deeplyNestedPemIsMalformed() {
    for (String type : new String[] {"PRIVATE KEY", "RSA PRIVATE KEY", "PUBLIC KEY", "CERTIFICATE"}) {
      String pem = TestKeys.pem(type, DEEP);
      for (Runnable read : new Runnable[] {
          () -> PemKeys.privateKey(pem), () -> PemKeys.publicKey(pem), () -> PemKeys.certificate(pem)}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, read::run);
        assertTrue(e.getMessage().contains("nests more than 32 levels"), e.getMessage());
      }
      // Header lines before the Base64 (as in encrypted keys) are read past, as Bouncy Castle does.
      String headed = pem.replace(type + "-----\n", type + "-----\nProc-Type: 4,ENCRYPTED\n\n");
      assertThrows(IllegalArgumentException.class, () -> PemKeys.privateKey(headed));
    }
  }

  @Test
  void deeplyNestedSm2FieldDoesNotDecrypt() {
    DecryptionException e = assertThrows(DecryptionException.class,
        () -> SensitiveCipher.decrypt(TestKeys.sm2().getPrivate(), Base64.getEncoder().encodeToString(DEEP)));
    assertTrue(e.getMessage().startsWith("SM2 ciphertext is not the ASN.1 SEQUENCE"), e.getMessage());
  }

  @Test
  void deeplyNestedSm2SignatureDoesNotVerify() {
    KeyPair sm2 = TestKeys.sm2();
    assertFalse(SignatureScheme.SM2.verify(sm2.getPublic(), "m".getBytes(StandardCharsets.UTF_8), DEEP));
  }

  /**
   * A certificate whose notBefore is no date: the JDK refuses it, Bouncy Castle read it and threw an
   * IllegalStateException from checkValidity later, in the v3/certificates download.
   */
  @Test
  void certificateWithAnUnreadableDateIsMalformed() throws Exception {
    X500Name name = new X500Name("CN=Tenpay.com Root CA");
    Instant from = Instant.parse("2023-11-13T22:13:20Z");
    byte[] der = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
        BigInteger.TEN, Date.from(from), Date.from(from.plus(Duration.ofDays(365))), name,
        TestKeys.WECHATPAY.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA")
        .build(TestKeys.WECHATPAY.getPrivate()))).getEncoded();
    String text = new String(der, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("231113221320Z");
    assertTrue(at > 0);
    der[at + 5] = 's'; // "23111s221320Z", as the fuzzer altered it
    String pem = TestKeys.pem("CERTIFICATE", der);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PemKeys.certificate(pem));
    assertTrue(e.getMessage().startsWith("malformed certificate PEM"), e.getMessage());
  }

  @Test
  void realKeysCertificatesAndCiphertextsAreNotTooDeep() {
    assertFalse(DerDepth.tooDeep(Base64.getDecoder().decode(TestKeys.OFFICIAL_SM2_CERTIFICATE), DerDepth.LIMIT));
    assertFalse(DerDepth.tooDeep(TestKeys.MERCHANT.getPrivate().getEncoded(), DerDepth.LIMIT));
    byte[] field = Base64.getDecoder().decode(SensitiveCipher.encrypt(TestKeys.sm2().getPublic(), "张三"));
    assertFalse(DerDepth.tooDeep(field, 1));
    assertTrue(DerDepth.tooDeep(CryptoFuzzTest.nested(2, new byte[] {0x05, 0x00}), 1));
    // Indefinite lengths (BER) are walked too.
    byte[] ber = {0x30, (byte) 0x80, 0x30, (byte) 0x80, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00};
    assertEquals(true, DerDepth.tooDeep(ber, 1));
    assertEquals(false, DerDepth.tooDeep(ber, 2));
  }
}
