package dev.wxpay.runtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Keys generated once per test run, and independent JDK signing helpers. */
public final class TestKeys {
  public static final KeyPair MERCHANT = rsa();
  public static final KeyPair WECHATPAY = rsa();

  private TestKeys() {}

  public static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  public static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

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
}
