package dev.wxpay.spring.boot;

import dev.wxpay.runtime.WechatPay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Turns {@link WxpayProperties} into a {@link WechatPay}. Every failure becomes an
 * {@link InvalidWxpayPropertyException} naming the property: the builder's own messages say what is wrong
 * but in its method names, and never carry key material, so they are kept as the reason.
 */
final class WechatPayFactory {

  private static final String PREFIX = "wxpay.";

  // The builder names what it rejects by its own parameter names; these are the properties behind them.
  // Checked in order: longer prefixes first where one starts with another.
  private static final List<Map.Entry<String, String>> BUILDER_NAMES = List.of(
      Map.entry("mchid", "mchid"),
      Map.entry("merchantSerialNo", "merchant-serial-no"),
      Map.entry("publicKeyId", "public-key-id"),
      Map.entry("connectTimeout", "connect-timeout"),
      Map.entry("requestTimeout", "request-timeout"),
      Map.entry("hongKongBaseUri", "hong-kong-base-uri"),
      Map.entry("backupBaseUri", "backup-base-uri"),
      Map.entry("baseUri", "base-uri"),
      Map.entry("retries", "retries"),
      Map.entry("wrong key type: the WeChat Pay public key", "public-key"),
      Map.entry("could not download the WeChat Pay platform certificates", "platform-certificates"));

  private final ResourceLoader resources;

  WechatPayFactory(ResourceLoader resources) {
    this.resources = resources;
  }

  WechatPay.Builder builder(WxpayProperties p) {
    String mchid = require(p.getMchid(), "mchid", "the merchant id, e.g. 1900000001");
    String serial = require(p.getMerchantSerialNo(), "merchant-serial-no",
        "the serial number of the merchant API certificate");
    WechatPay.Builder builder = WechatPay.builder();

    String keyProperty = privateKeyProperty(p);
    String keyPem = pem(keyProperty.equals("private-key") ? p.getPrivateKey() : p.getPrivateKeyPem(), keyProperty);
    apply(keyProperty, "not a PEM private key", () -> builder.merchant(mchid, serial, keyPem));

    String publicKeyId = given(p.getPublicKeyId()) ? p.getPublicKeyId() : null;
    String publicKey = given(p.getPublicKey()) ? p.getPublicKey() : null;
    if ((publicKeyId == null) != (publicKey == null)) {
      String missing = publicKeyId == null ? "public-key-id" : "public-key";
      throw invalid(missing, "missing; wxpay.public-key-id and wxpay.public-key go together");
    }
    if (publicKeyId != null && publicKey != null) {
      String publicPem = pem(publicKey, "public-key");
      apply("public-key", "not a PEM public key or certificate",
          () -> builder.wechatpayPublicKey(publicKeyId, publicPem));
    }
    String apiV3Key = given(p.getApiV3Key()) ? p.getApiV3Key() : null;
    if (p.isPlatformCertificates()) {
      if (apiV3Key == null) {
        throw invalid("api-v3-key", "missing; wxpay.platform-certificates=true needs the APIv3 key to decrypt"
            + " the downloaded certificates");
      }
      apply("api-v3-key", null, () -> builder.platformCertificates(apiV3Key));
    } else if (apiV3Key != null) {
      apply("api-v3-key", null, () -> builder.apiV3Key(apiV3Key));
    }
    if (publicKeyId == null && !p.isPlatformCertificates()) {
      throw invalid("public-key", "missing; WeChat Pay answers need a key to be verified with: set"
          + " wxpay.public-key-id and wxpay.public-key, or wxpay.platform-certificates=true with wxpay.api-v3-key,"
          + " or both");
    }
    if (p.getBaseUri() != null) {
      builder.baseUri(p.getBaseUri());
    }
    if (p.getHongKongBaseUri() != null) {
      builder.hongKongBaseUri(p.getHongKongBaseUri());
    }
    if (p.getBackupBaseUri() != null) {
      builder.backupBaseUri(p.getBackupBaseUri());
    }
    if (p.getConnectTimeout() != null) {
      builder.connectTimeout(p.getConnectTimeout());
    }
    if (p.getRequestTimeout() != null) {
      builder.requestTimeout(p.getRequestTimeout());
    }
    Integer retries = p.getRetries();
    if (retries != null) {
      apply("retries", null, () -> builder.retries(retries));
    }
    return builder;
  }

  /** Builds, naming the property behind whatever {@code build()} rejects. */
  static WechatPay build(WechatPay.Builder builder, String keyProperty) {
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw translate(e, keyProperty);
    }
  }

  static String privateKeyProperty(WxpayProperties p) {
    // Blank counts as unset: an environment variable that is defined but empty must not shadow the other.
    boolean location = given(p.getPrivateKey());
    boolean pem = given(p.getPrivateKeyPem());
    if (location && pem) {
      throw invalid("private-key", "set either wxpay.private-key (a location) or wxpay.private-key-pem, not both");
    }
    if (!location && !pem) {
      throw invalid("private-key", "missing; set wxpay.private-key to a location such as"
          + " file:/etc/wxpay/apiclient_key.pem, or wxpay.private-key-pem to the PEM text");
    }
    return location ? "private-key" : "private-key-pem";
  }

  private static RuntimeException translate(RuntimeException e, String keyProperty) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof InvalidWxpayPropertyException) {
      return e;
    }
    if (message.startsWith("the merchant private key")) {
      return invalid(keyProperty, message, e);
    }
    for (Map.Entry<String, String> name : BUILDER_NAMES) {
      if (message.startsWith(name.getKey())) {
        return invalid(name.getValue(), message, e);
      }
    }
    return new IllegalStateException("wxpay: cannot make the WechatPay client: " + message, e);
  }

  /** The PEM text of a key property: the value itself, or what its location holds. */
  private String pem(@Nullable String value, String property) {
    if (value == null || value.isBlank()) {
      throw invalid(property, "empty");
    }
    if (WxpayProperties.isPem(value) || property.endsWith("-pem")) {
      return value;
    }
    Resource resource = resources.getResource(value.strip());
    if (!resource.exists()) {
      throw invalid(property, "no file at " + value.strip()
          + " (a location such as file:/etc/wxpay/key.pem or classpath:key.pem)");
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw invalid(property, "cannot read " + value.strip() + ": " + e.getMessage(), e);
    }
  }

  private static void apply(String property, @Nullable String what, Runnable step) {
    try {
      step.run();
    } catch (IllegalArgumentException | IllegalStateException e) {
      String reason = what == null ? String.valueOf(e.getMessage()) : what + " (" + e.getMessage() + ")";
      throw invalid(property, reason, e);
    }
  }

  private static boolean given(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  private static String require(@Nullable String value, String property, String what) {
    if (value == null || value.isBlank()) {
      throw invalid(property, "missing; " + what);
    }
    return value;
  }

  private static InvalidWxpayPropertyException invalid(String property, String reason) {
    return new InvalidWxpayPropertyException(PREFIX + property, reason);
  }

  private static InvalidWxpayPropertyException invalid(String property, String reason, Throwable cause) {
    return new InvalidWxpayPropertyException(PREFIX + property, reason, cause);
  }
}
