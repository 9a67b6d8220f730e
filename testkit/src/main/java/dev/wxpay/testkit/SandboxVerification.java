package dev.wxpay.testkit;

/**
 * How a sandbox lets clients verify its answers, as chosen with {@link WechatPaySandbox.Builder#verification}.
 */
public enum SandboxVerification {
  /**
   * A WeChat Pay public key with an id {@code PUB_KEY_ID_…} signs every answer; {@code GET /v3/certificates}
   * is not served. The default.
   */
  PUBLIC_KEY,

  /**
   * Platform certificates: the newest one signs every answer, {@code Wechatpay-Serial} names its serial
   * number, and {@code GET /v3/certificates} lists them all, encrypted with the APIv3 key.
   */
  CERTIFICATE,

  /**
   * Both, as during a migration: the public key signs answers unless a stub asks for
   * {@link StubResponse#signedWithCertificate()}; {@code GET /v3/certificates} is served.
   */
  MIXED
}
