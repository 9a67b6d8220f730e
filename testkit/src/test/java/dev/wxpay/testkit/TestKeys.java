package dev.wxpay.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** RSA-2048 key pairs generated once per test run, because generating them is the slow part of a test. */
final class TestKeys {
  static final KeyPair MERCHANT = generate();
  static final KeyPair WECHATPAY = generate();
  /** A key pair neither side knows, for signatures by the wrong key. */
  static final KeyPair STRANGER = generate();

  private TestKeys() {}

  /** A sandbox builder using the shared keys. */
  static WechatPaySandbox.Builder sandbox() {
    return WechatPaySandbox.builder().merchantKeyPair(MERCHANT).wechatpayKeyPair(WECHATPAY);
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
