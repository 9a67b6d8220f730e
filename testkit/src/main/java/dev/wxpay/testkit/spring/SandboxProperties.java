package dev.wxpay.testkit.spring;

import dev.wxpay.testkit.SandboxVerification;
import dev.wxpay.testkit.WechatPaySandbox;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code wxpay.*} properties of the starter that make a merchant's client talk to a sandbox. */
public final class SandboxProperties {

  private SandboxProperties() {}

  /**
   * Every property that decides where a merchant's calls go and which keys sign and verify them, under
   * {@code prefix}: {@code wxpay.} for the default merchant, {@code wxpay.merchants.<name>.} for a named one.
   * Set first, they replace whatever the application configured for that merchant.
   */
  public static Map<String, String> of(WechatPaySandbox sandbox, String prefix) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(prefix + "mchid", sandbox.mchid());
    properties.put(prefix + "merchant-serial-no", sandbox.merchantSerialNo());
    // Blank counts as unset: the application's key location must not compete with the sandbox's PEM.
    properties.put(prefix + "private-key", "");
    properties.put(prefix + "private-key-pem", sandbox.merchantPrivateKeyPem());
    boolean publicKey = sandbox.verification() != SandboxVerification.CERTIFICATE;
    boolean certificates = sandbox.verification() != SandboxVerification.PUBLIC_KEY;
    properties.put(prefix + "public-key-id", publicKey ? sandbox.wechatpayPublicKeyId() : "");
    properties.put(prefix + "public-key", publicKey ? sandbox.wechatpayPublicKeyPem() : "");
    properties.put(prefix + "platform-certificates", String.valueOf(certificates));
    properties.put(prefix + "api-v3-key", sandbox.apiV3Key());
    String baseUri = sandbox.baseUri().toString();
    properties.put(prefix + "base-uri", baseUri);
    properties.put(prefix + "hong-kong-base-uri", baseUri);
    properties.put(prefix + "backup-base-uri", baseUri);
    return properties;
  }
}
