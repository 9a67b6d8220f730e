package dev.wxpay.runtime.internal.crypto;

import static dev.wxpay.runtime.TestKeys.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.TestKeys;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ApiV3KeyTest {
  private static final String KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";
  private static final String AAD = "associatedData";
  private static final String NONCE = "uluk4a9R25RW";
  private static final String AES_CIPHERTEXT = "ulwSiIajGClcvcOYvOQ7+l+0PAbzzwI=";
  private static final String SM4_CIPHERTEXT = "+lcLNfkZQQx+iQm20Apa3x9Mb/5L7PgZ7w==";
  private static final String AES = ApiV3Key.AEAD_AES_256_GCM;
  private static final String SM4 = ApiV3Key.AEAD_SM4_GCM;

  private final ApiV3Key key = ApiV3Key.of(KEY);

  @Test
  void aesVectorDecrypts() throws Exception {
    assertEquals("message", key.decryptToString(AES, NONCE, AAD, AES_CIPHERTEXT));
    assertArrayEquals(utf8("message"), key.decrypt(AES, NONCE, AAD, AES_CIPHERTEXT));
  }

  @Test
  void aesVectorIsWhatTheJdkCipherProduces() throws Exception {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(utf8(KEY), "AES"), new GCMParameterSpec(128, utf8(NONCE)));
    cipher.updateAAD(utf8(AAD));
    assertEquals(AES_CIPHERTEXT, Base64.getEncoder().encodeToString(cipher.doFinal(utf8("message"))));
  }

  @Test
  void sm4VectorDecrypts() throws Exception {
    // The vector of WeChat Pay's Java SDK (shangmi-testing BaseAeadSM4Test) with its APIv3 key.
    assertEquals("plaintext", key.decryptToString(SM4, NONCE, AAD, SM4_CIPHERTEXT));
  }

  @Test
  void sm4VectorIsSm4GcmUnderTheFirstSixteenBytesOfSm3OfTheKey() throws Exception {
    byte[] sm4Key = Arrays.copyOf(MessageDigest.getInstance("SM3", TestKeys.BC).digest(utf8(KEY)), 16);
    Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", TestKeys.BC);
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sm4Key, "SM4"), new GCMParameterSpec(128, utf8(NONCE)));
    cipher.updateAAD(utf8(AAD));
    assertEquals(SM4_CIPHERTEXT, Base64.getEncoder().encodeToString(cipher.doFinal(utf8("plaintext"))));
  }

  @Test
  void emptyAssociatedDataIsAllowed() throws Exception {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(utf8(KEY), "AES"), new GCMParameterSpec(128, utf8(NONCE)));
    String ciphertext = Base64.getEncoder().encodeToString(cipher.doFinal(utf8("{\"a\":1}")));
    assertEquals("{\"a\":1}", key.decryptToString(AES, NONCE, "", ciphertext));
    assertDecryptionFails(() -> key.decrypt(AES, NONCE, AAD, ciphertext));
  }

  @Test
  void aFlippedCiphertextBitFailsTheTag() {
    for (String[] vector : new String[][] {{AES, AES_CIPHERTEXT}, {SM4, SM4_CIPHERTEXT}}) {
      byte[] bytes = Base64.getDecoder().decode(vector[1]);
      for (int bit : new int[] {0, 8 * bytes.length - 1}) { // first ciphertext bit, last tag bit
        byte[] flipped = bytes.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        String altered = Base64.getEncoder().encodeToString(flipped);
        assertDecryptionFails(() -> key.decrypt(vector[0], NONCE, AAD, altered));
      }
    }
  }

  @Test
  void aWrongAssociatedDataFailsTheTag() {
    assertDecryptionFails(() -> key.decrypt(AES, NONCE, "associatedDatb", AES_CIPHERTEXT));
    assertDecryptionFails(() -> key.decrypt(SM4, NONCE, "", SM4_CIPHERTEXT));
  }

  @Test
  void aWrongNonceFailsTheTag() {
    assertDecryptionFails(() -> key.decrypt(AES, "uluk4a9R25RX", AAD, AES_CIPHERTEXT));
    assertDecryptionFails(() -> key.decrypt(SM4, "uluk4a9R25RX", AAD, SM4_CIPHERTEXT));
  }

  @Test
  void aWrongKeyFailsTheTag() {
    ApiV3Key other = ApiV3Key.of("b7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb");
    assertDecryptionFails(() -> other.decrypt(AES, NONCE, AAD, AES_CIPHERTEXT));
    assertDecryptionFails(() -> other.decrypt(SM4, NONCE, AAD, SM4_CIPHERTEXT));
  }

  @Test
  void theTwoAlgorithmsAreNotInterchangeable() {
    assertDecryptionFails(() -> key.decrypt(SM4, NONCE, AAD, AES_CIPHERTEXT));
    assertDecryptionFails(() -> key.decrypt(AES, NONCE, AAD, SM4_CIPHERTEXT));
  }

  @Test
  void malformedInputFailsAsDecryption() {
    assertDecryptionFails(() -> key.decrypt(AES, NONCE, AAD, "not base64!"));
    assertDecryptionFails(() -> key.decrypt(AES, NONCE, AAD, "AAAA")); // shorter than a tag
    assertDecryptionFails(() -> key.decrypt(AES, "", AAD, AES_CIPHERTEXT));
  }

  @Test
  void anUnknownAlgorithmIsNamed() {
    DecryptionException e = assertThrows(DecryptionException.class,
        () -> key.decrypt("AEAD_CHACHA20_POLY1305", NONCE, AAD, AES_CIPHERTEXT));
    assertTrue(e.unsupportedAlgorithm());
    assertTrue(e.getMessage().contains("AEAD_CHACHA20_POLY1305"), e.getMessage());
  }

  @Test
  void keysOtherThanThirtyTwoBytesAreRejectedWithoutEchoingThem() {
    assertKeyRejected(KEY.substring(1), 31);
    assertKeyRejected(KEY + "x", 33);
    // 32 characters, but "é" is two bytes in UTF-8.
    String multiByte = "é" + KEY.substring(1);
    assertEquals(32, multiByte.length());
    assertKeyRejected(multiByte, 33);
  }

  @Test
  void toStringNeverShowsTheKey() {
    assertFalse(key.toString().contains(KEY));
    assertFalse(key.toString().contains(KEY.substring(0, 8)));
  }

  private static void assertKeyRejected(String candidate, int bytes) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiV3Key.of(candidate));
    assertEquals("the APIv3 key must be 32 bytes, got " + bytes, e.getMessage());
  }

  private static void assertDecryptionFails(org.junit.jupiter.api.function.Executable call) {
    DecryptionException e = assertThrows(DecryptionException.class, call);
    assertFalse(e.unsupportedAlgorithm());
    for (String secret : new String[] {KEY, "message", "plaintext"}) {
      assertFalse(e.getMessage().contains(secret), e.getMessage());
    }
  }
}
