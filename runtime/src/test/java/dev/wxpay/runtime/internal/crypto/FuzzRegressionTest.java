package dev.wxpay.runtime.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Inputs {@link CryptoFuzzTest} found: ASN.1 nested thousands of levels deep overflowed the stack in
 * Bouncy Castle's recursive parser (a {@link StackOverflowError}, no documented exception) when read as a
 * PEM key or certificate, as an SM2 sensitive field, and as an SM2 signature.
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
