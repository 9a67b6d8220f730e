package dev.wxpay.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Key pairs generated once per test run, because generating them is the slow part of a test. */
final class TestKeys {
  /** The tests' own Bouncy Castle provider, never registered, for acting as the merchant in SM2 mode. */
  static final BouncyCastleProvider BC = new BouncyCastleProvider();
  static final KeyPair MERCHANT = generate();
  static final KeyPair WECHATPAY = generate();
  /** A key pair neither side knows, for signatures by the wrong key. */
  static final KeyPair STRANGER = generate();

  static final KeyPair MERCHANT_SM2 = generateSm2();
  static final KeyPair WECHATPAY_SM2 = generateSm2();

  private TestKeys() {}

  /** A sandbox builder in SM2 mode using the shared SM2 keys. */
  static WechatPaySandbox.Builder sm2Sandbox() {
    return WechatPaySandbox.builder().algorithm(SandboxAlgorithm.SM2).merchantKeyPair(MERCHANT_SM2)
        .wechatpayKeyPair(WECHATPAY_SM2);
  }

  static KeyPair generateSm2() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(new ECGenParameterSpec("sm2p256v1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

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
