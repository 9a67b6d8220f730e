package dev.wxpay.testkit;

import java.security.KeyPair;
import java.security.Provider;

/**
 * The testkit tests' keys, generated once per test run (generating them is the slow part of a test) by
 * the runtime tests' one key factory, and sandbox builders that use them.
 */
final class TestKeys {
  /** The tests' own Bouncy Castle provider, never registered, for acting as the merchant in SM2 mode. */
  static final Provider BC = dev.wxpay.runtime.TestKeys.BC;
  static final KeyPair MERCHANT = dev.wxpay.runtime.TestKeys.MERCHANT;
  static final KeyPair WECHATPAY = dev.wxpay.runtime.TestKeys.WECHATPAY;
  /** A key pair neither side knows, for signatures by the wrong key. */
  static final KeyPair STRANGER = dev.wxpay.runtime.TestKeys.rsa();

  static final KeyPair MERCHANT_SM2 = generateSm2();
  static final KeyPair WECHATPAY_SM2 = generateSm2();

  private TestKeys() {}

  /** A sandbox builder in SM2 mode using the shared SM2 keys. */
  static WechatPaySandbox.Builder sm2Sandbox() {
    return WechatPaySandbox.builder().algorithm(SandboxAlgorithm.SM2).merchantKeyPair(MERCHANT_SM2)
        .wechatpayKeyPair(WECHATPAY_SM2);
  }

  static KeyPair generateSm2() {
    return dev.wxpay.runtime.TestKeys.sm2();
  }

  /** A sandbox builder using the shared keys. */
  static WechatPaySandbox.Builder sandbox() {
    return WechatPaySandbox.builder().merchantKeyPair(MERCHANT).wechatpayKeyPair(WECHATPAY);
  }
}
