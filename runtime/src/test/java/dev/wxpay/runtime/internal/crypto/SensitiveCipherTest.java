package dev.wxpay.runtime.internal.crypto;

import static dev.wxpay.runtime.TestKeys.BC;
import static dev.wxpay.runtime.TestKeys.utf8;
import static dev.wxpay.runtime.TestKeys.MERCHANT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.TestKeys;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SensitiveCipherTest {
  private static final String NAME = "张三 Zhang San";
  private static final KeyPair SM2 = TestKeys.sm2();

  @Test
  void rsaRoundTrip() throws Exception {
    String ciphertext = SensitiveCipher.encrypt(MERCHANT.getPublic(), NAME);
    assertEquals(256, Base64.getDecoder().decode(ciphertext).length);
    assertEquals(NAME, SensitiveCipher.decrypt(MERCHANT.getPrivate(), ciphertext));
    // OAEP is randomized.
    assertNotEquals(ciphertext, SensitiveCipher.encrypt(MERCHANT.getPublic(), NAME));
  }

  @Test
  void decryptsWhatTheJdkOaepCipherMade() throws Exception {
    Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
    jdk.init(Cipher.ENCRYPT_MODE, MERCHANT.getPublic());
    String ciphertext = Base64.getEncoder().encodeToString(jdk.doFinal(utf8(NAME)));
    assertEquals(NAME, SensitiveCipher.decrypt(MERCHANT.getPrivate(), ciphertext));
  }

  @Test
  void decryptsWhatBouncyCastlesOaepCipherMade() throws Exception {
    Cipher bc = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding", BC);
    bc.init(Cipher.ENCRYPT_MODE, MERCHANT.getPublic());
    String ciphertext = Base64.getEncoder().encodeToString(bc.doFinal(utf8(NAME)));
    assertEquals(NAME, SensitiveCipher.decrypt(MERCHANT.getPrivate(), ciphertext));
  }

  @Test
  void theJdkDecryptsWhatThisEncrypted() throws Exception {
    String ciphertext = SensitiveCipher.encrypt(MERCHANT.getPublic(), NAME);
    Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
    jdk.init(Cipher.DECRYPT_MODE, MERCHANT.getPrivate());
    assertEquals(NAME, new String(jdk.doFinal(Base64.getDecoder().decode(ciphertext)), StandardCharsets.UTF_8));
  }

  @Test
  void pkcs1v15CiphertextDoesNotDecrypt() throws Exception {
    Cipher v15 = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    v15.init(Cipher.ENCRYPT_MODE, MERCHANT.getPublic());
    String ciphertext = Base64.getEncoder().encodeToString(v15.doFinal(utf8(NAME)));
    assertDecryptionFails(() -> SensitiveCipher.decrypt(MERCHANT.getPrivate(), ciphertext));
  }

  @Test
  void rsaFailuresAreDecryptionFailures() throws Exception {
    String ciphertext = SensitiveCipher.encrypt(MERCHANT.getPublic(), NAME);
    byte[] altered = Base64.getDecoder().decode(ciphertext);
    altered[100] ^= 1;
    assertDecryptionFails(() -> SensitiveCipher.decrypt(MERCHANT.getPrivate(), Base64.getEncoder().encodeToString(altered)));
    assertDecryptionFails(() -> SensitiveCipher.decrypt(MERCHANT.getPrivate(), "%%%"));
    assertDecryptionFails(() -> SensitiveCipher.decrypt(MERCHANT.getPrivate(), "AAAA"));
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair other = generator.generateKeyPair();
    assertDecryptionFails(() -> SensitiveCipher.decrypt(other.getPrivate(), ciphertext));
  }

  @Test
  void tooLongRsaPlaintextIsRejectedWithLengthsOnly() throws Exception {
    String max = "x".repeat(256 - 42);
    assertEquals(max, SensitiveCipher.decrypt(MERCHANT.getPrivate(), SensitiveCipher.encrypt(MERCHANT.getPublic(), max)));
    String tooLong = "secret-" + "y".repeat(256 - 42);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SensitiveCipher.encrypt(MERCHANT.getPublic(), tooLong));
    assertTrue(e.getMessage().contains("221") && e.getMessage().contains("214"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  @Test
  void sm2RoundTrip() throws Exception {
    String ciphertext = SensitiveCipher.encrypt(SM2.getPublic(), NAME);
    assertEquals(NAME, SensitiveCipher.decrypt(SM2.getPrivate(), ciphertext));
    assertNotEquals(ciphertext, SensitiveCipher.encrypt(SM2.getPublic(), NAME));
  }

  @Test
  void sm2CiphertextIsAsn1C1C3C2ThatBouncyCastlesEngineDecrypts() throws Exception {
    byte[] der = Base64.getDecoder().decode(SensitiveCipher.encrypt(SM2.getPublic(), NAME));
    ASN1Sequence sequence = ASN1Sequence.getInstance(der);
    assertEquals(4, sequence.size());
    byte[] c3 = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
    byte[] c2 = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
    assertEquals(32, c3.length);
    assertEquals(utf8(NAME).length, c2.length);

    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.write(0x04);
    raw.write(fixed32(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue()));
    raw.write(fixed32(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue()));
    raw.write(c3);
    raw.write(c2);
    byte[] bytes = raw.toByteArray();
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(false, ECUtil.generatePrivateKeyParameter(SM2.getPrivate()));
    assertArrayEquals(utf8(NAME), engine.processBlock(bytes, 0, bytes.length));
  }

  @Test
  void decryptsWhatBouncyCastlesEngineEncrypted() throws Exception {
    byte[] der = TestKeys.sm2Encrypt(SM2.getPublic(), utf8(NAME));
    assertEquals(NAME, SensitiveCipher.decrypt(SM2.getPrivate(), Base64.getEncoder().encodeToString(der)));
  }

  @Test
  void officialSdkSm2CiphertextDecrypts() throws Exception {
    // From WeChat Pay's Java SDK tests (BaseSM2Test), under the SDK's SM2 test key.
    assertEquals("plaintext", SensitiveCipher.decrypt(
        TestKeys.officialSm2PrivateKey(), TestKeys.OFFICIAL_SM2_CIPHERTEXT_OF_PLAINTEXT));
    // And the SDK's certificate key encrypts for its private key.
    String ours = SensitiveCipher.encrypt(TestKeys.officialSm2PublicKey(), "plaintext");
    assertEquals("plaintext", SensitiveCipher.decrypt(TestKeys.officialSm2PrivateKey(), ours));
  }

  @Test
  void sm2CoordinatesOfEveryDerLengthRoundTrip() throws Exception {
    // DER integers are minimal: x or y below 2^248 has fewer than 32 bytes, one with the top bit set gets
    // a 0x00 sign byte. Both must map back to the 32-byte field width; encrypt until both shapes occur.
    boolean shortSeen = false;
    boolean signByteSeen = false;
    for (int i = 0; i < 20_000 && !(shortSeen && signByteSeen); i++) {
      String ciphertext = SensitiveCipher.encrypt(SM2.getPublic(), "x");
      ASN1Sequence sequence = ASN1Sequence.getInstance(Base64.getDecoder().decode(ciphertext));
      for (int field = 0; field < 2; field++) {
        int length = ASN1Integer.getInstance(sequence.getObjectAt(field)).getValue().toByteArray().length;
        if (length < 32 && !shortSeen) {
          shortSeen = true;
          assertEquals("x", SensitiveCipher.decrypt(SM2.getPrivate(), ciphertext));
        }
        if (length == 33 && !signByteSeen) {
          signByteSeen = true;
          assertEquals("x", SensitiveCipher.decrypt(SM2.getPrivate(), ciphertext));
        }
      }
    }
    assertTrue(shortSeen && signByteSeen);
  }

  @Test
  void sm2FailuresAreDecryptionFailures() throws Exception {
    String official = TestKeys.OFFICIAL_SM2_CIPHERTEXT_OF_PLAINTEXT;
    var key = TestKeys.officialSm2PrivateKey();
    assertDecryptionFails(() -> SensitiveCipher.decrypt(key, official.replace("1", "2")));
    assertDecryptionFails(() -> SensitiveCipher.decrypt(SM2.getPrivate(), official)); // wrong key
    assertDecryptionFails(() -> SensitiveCipher.decrypt(key, "%%%"));

    byte[] der = Base64.getDecoder().decode(official);
    byte[] trailing = Arrays.copyOf(der, der.length + 1);
    assertDecryptionFails(() -> SensitiveCipher.decrypt(key, Base64.getEncoder().encodeToString(trailing)));
    byte[] flipped = der.clone();
    flipped[flipped.length - 1] ^= 1; // last byte of C2
    assertDecryptionFails(() -> SensitiveCipher.decrypt(key, Base64.getEncoder().encodeToString(flipped)));

    // Raw 04||C1||C3||C2 is not the format WeChat Pay uses and is not accepted.
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(true, new ParametersWithRandom(
        ECUtil.generatePublicKeyParameter(TestKeys.officialSm2PublicKey()), new SecureRandom()));
    byte[] raw = engine.processBlock(utf8("plaintext"), 0, 9);
    assertDecryptionFails(() -> SensitiveCipher.decrypt(key, Base64.getEncoder().encodeToString(raw)));
  }

  @Test
  void otherKeysAreRejected() {
    KeyPair p256 = TestKeys.ec("secp256r1");
    assertThrows(IllegalArgumentException.class, () -> SensitiveCipher.encrypt(p256.getPublic(), NAME));
    assertThrows(IllegalArgumentException.class, () -> SensitiveCipher.decrypt(p256.getPrivate(), "AAAA"));
  }

  private static byte[] fixed32(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return out;
  }

  private static void assertDecryptionFails(Executable call) {
    DecryptionException e = assertThrows(DecryptionException.class, call);
    assertFalse(e.unsupportedAlgorithm());
    assertFalse(e.getMessage().contains(NAME), e.getMessage());
    assertFalse(e.getMessage().contains("plaintext"), e.getMessage());
  }
}
