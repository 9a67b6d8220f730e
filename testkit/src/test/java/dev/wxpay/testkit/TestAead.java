package dev.wxpay.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AEAD decryption as a merchant does it: the JDK for AES-256-GCM, Bouncy Castle for SM4-GCM. */
final class TestAead {
  private TestAead() {}

  static String decrypt(String algorithm, String apiV3Key, String nonce, String associatedData,
      String ciphertext) throws GeneralSecurityException {
    byte[] key = apiV3Key.getBytes(StandardCharsets.UTF_8);
    Cipher cipher;
    SecretKeySpec spec;
    switch (algorithm) {
      case "AEAD_AES_256_GCM" -> {
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        spec = new SecretKeySpec(key, "AES");
      }
      case "AEAD_SM4_GCM" -> {
        cipher = Cipher.getInstance("SM4/GCM/NoPadding", TestKeys.BC);
        spec = new SecretKeySpec(Arrays.copyOf(MessageDigest.getInstance("SM3", TestKeys.BC).digest(key), 16),
            "SM4");
      }
      default -> throw new AssertionError("unknown algorithm " + algorithm);
    }
    cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
    cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
    return new String(cipher.doFinal(Base64.getDecoder().decode(ciphertext)), StandardCharsets.UTF_8);
  }
}
