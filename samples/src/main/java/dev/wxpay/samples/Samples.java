package dev.wxpay.samples;

import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.WechatPaySandbox;

/**
 * Runs the samples against one sandbox: a payment end to end ({@link PaymentSample}), then the seed
 * operations ({@link SeedSample}). Run it with {@code mvn -q -DskipTests -pl samples -am package exec:java}.
 */
public final class Samples {
  private Samples() {}

  public static void main(String[] args) throws Exception {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start()) {
      // Configured the way a merchant configures production, from PEM text; only the base URI differs.
      try (WechatPay wxpay = WechatPay.builder()
          .merchant(sandbox.mchid(), sandbox.merchantSerialNo(), sandbox.merchantPrivateKeyPem())
          .wechatpayPublicKey(sandbox.wechatpayPublicKeyId(), sandbox.wechatpayPublicKeyPem())
          .apiV3Key(sandbox.apiV3Key())                  // decrypts notifications
          .baseUri(sandbox.baseUri())
          .build()) {
        System.out.println("== a payment, end to end");
        PaymentSample.run(sandbox, wxpay);
        System.out.println("== the seed operations");
        SeedSample.run(sandbox, wxpay);
      }
    }
  }
}
