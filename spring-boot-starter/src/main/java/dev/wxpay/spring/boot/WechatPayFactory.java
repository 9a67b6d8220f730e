package dev.wxpay.spring.boot;

import dev.wxpay.runtime.CallListener;
import dev.wxpay.runtime.WechatPay;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Turns one merchant's properties into a {@link WechatPay}. Every failure becomes an
 * {@link InvalidWxpayPropertyException} naming the property: the builder's own messages say what is wrong
 * but in its method names, and never carry key material, so they are kept as the reason.
 */
final class WechatPayFactory {

  /** The name of the merchant configured directly under {@code wxpay.*}, e.g. in metrics. */
  static final String DEFAULT_MERCHANT = "default";

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
  /** What the merchant's property names start with: {@code wxpay.} or {@code wxpay.merchants.<name>.}. */
  private final String prefix;
  /** The full name of each connection property this merchant took from {@code wxpay.*} or set itself. */
  private final Map<String, String> origins = new java.util.HashMap<>();

  private WechatPayFactory(ResourceLoader resources, String prefix) {
    this.resources = resources;
    this.prefix = prefix;
  }

  /**
   * The client of {@code merchant} ({@link #DEFAULT_MERCHANT} or a key of {@code wxpay.merchants}): its
   * properties applied, then the listeners (combined, if any), then the customizers, in order.
   */
  static WechatPay create(String merchant, WxpayProperties properties, ResourceLoader resources,
      List<CallListener> listeners, Stream<WechatPayBuilderCustomizer> customizers) {
    WxpayMerchantProperties own =
        merchant.equals(DEFAULT_MERCHANT) ? properties : properties.getMerchants().get(merchant);
    if (own == null) {
      throw new IllegalStateException("no merchant " + merchant + " under wxpay.merchants");
    }
    WechatPayFactory factory = new WechatPayFactory(resources, propertyPrefix(merchant));
    WechatPay.Builder builder = factory.builder(own, properties);
    // Before the customizers, so that one can still replace the listener.
    CallListener listener = CompositeCallListener.of(listeners);
    if (listener != null) {
      builder.callListener(listener);
    }
    customizers.forEach(customizer -> customizer.customize(builder));
    return factory.build(builder, factory.privateKeyProperty(own));
  }

  /** What {@code merchant}'s property names start with: {@code wxpay.} or {@code wxpay.merchants.<name>.}. */
  static String propertyPrefix(String merchant) {
    return merchant.equals(DEFAULT_MERCHANT) ? "wxpay." : "wxpay.merchants." + merchant + ".";
  }

  /** The listeners of {@code merchant}'s client: the application's, then the metrics' if Micrometer is on. */
  static List<CallListener> listeners(String merchant, ObjectProvider<CallListener> listeners,
      ObjectProvider<WxpayMetrics> metrics) {
    List<CallListener> all = new ArrayList<>(listeners.orderedStream().toList());
    metrics.ifAvailable(m -> all.add(m.listenerFor(merchant)));
    return all;
  }

  /**
   * The builder with {@code p} applied; base URIs, timeouts and retries that {@code p} leaves unset come
   * from {@code defaults} (the {@code wxpay.*} ones), credentials never do.
   */
  WechatPay.Builder builder(WxpayMerchantProperties p, WxpayMerchantProperties defaults) {
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
      throw invalid(missing, "missing; " + prefix + "public-key-id and " + prefix + "public-key go together");
    }
    if (publicKeyId != null && publicKey != null) {
      String publicPem = pem(publicKey, "public-key");
      apply("public-key", "not a PEM public key or certificate",
          () -> builder.wechatpayPublicKey(publicKeyId, publicPem));
    }
    String apiV3Key = given(p.getApiV3Key()) ? p.getApiV3Key() : null;
    if (p.isPlatformCertificates()) {
      if (apiV3Key == null) {
        throw invalid("api-v3-key", "missing; " + prefix + "platform-certificates=true needs the APIv3 key to"
            + " decrypt the downloaded certificates");
      }
      apply("api-v3-key", null, () -> builder.platformCertificates(apiV3Key));
    } else if (apiV3Key != null) {
      apply("api-v3-key", null, () -> builder.apiV3Key(apiV3Key));
    }
    if (publicKeyId == null && !p.isPlatformCertificates()) {
      throw invalid("public-key", "missing; WeChat Pay answers need a key to be verified with: set " + prefix
          + "public-key-id and " + prefix + "public-key, or " + prefix + "platform-certificates=true with " + prefix
          + "api-v3-key, or both");
    }
    URI baseUri = either(p.getBaseUri(), defaults.getBaseUri());
    if (baseUri != null) {
      apply(origin(p.getBaseUri(), "base-uri"), null, () -> builder.baseUri(baseUri));
    }
    URI hongKongBaseUri = either(p.getHongKongBaseUri(), defaults.getHongKongBaseUri());
    if (hongKongBaseUri != null) {
      apply(origin(p.getHongKongBaseUri(), "hong-kong-base-uri"), null,
          () -> builder.hongKongBaseUri(hongKongBaseUri));
    }
    URI backupBaseUri = either(p.getBackupBaseUri(), defaults.getBackupBaseUri());
    if (backupBaseUri != null) {
      apply(origin(p.getBackupBaseUri(), "backup-base-uri"), null, () -> builder.backupBaseUri(backupBaseUri));
    }
    Duration connectTimeout = either(p.getConnectTimeout(), defaults.getConnectTimeout());
    if (connectTimeout != null) {
      apply(origin(p.getConnectTimeout(), "connect-timeout"), null, () -> builder.connectTimeout(connectTimeout));
    }
    Duration requestTimeout = either(p.getRequestTimeout(), defaults.getRequestTimeout());
    if (requestTimeout != null) {
      apply(origin(p.getRequestTimeout(), "request-timeout"), null, () -> builder.requestTimeout(requestTimeout));
    }
    Integer retries = either(p.getRetries(), defaults.getRetries());
    if (retries != null) {
      apply(origin(p.getRetries(), "retries"), null, () -> builder.retries(retries));
    }
    return builder;
  }

  private static <T> @Nullable T either(@Nullable T own, @Nullable T inherited) {
    return own != null ? own : inherited;
  }

  /** The property a value came from: the merchant's own, or {@code wxpay.*} where it inherited it. */
  private String origin(@Nullable Object own, String property) {
    String origin = own != null ? prefix + property : "wxpay." + property;
    origins.put(property, origin);
    return origin;
  }

  /** Builds, naming the property behind whatever {@code build()} rejects. */
  private WechatPay build(WechatPay.Builder builder, String keyProperty) {
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw translate(e, keyProperty);
    }
  }

  private String privateKeyProperty(WxpayMerchantProperties p) {
    // Blank counts as unset: an environment variable that is defined but empty must not shadow the other.
    boolean location = given(p.getPrivateKey());
    boolean pem = given(p.getPrivateKeyPem());
    if (location && pem) {
      throw invalid("private-key", "set either " + prefix + "private-key (a location) or " + prefix
          + "private-key-pem, not both");
    }
    if (!location && !pem) {
      throw invalid("private-key", "missing; set " + prefix + "private-key to a location such as"
          + " file:/etc/wxpay/apiclient_key.pem, or " + prefix + "private-key-pem to the PEM text");
    }
    return location ? "private-key" : "private-key-pem";
  }

  private RuntimeException translate(RuntimeException e, String keyProperty) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof InvalidWxpayPropertyException) {
      return e;
    }
    if (message.startsWith("the merchant private key")) {
      return invalid(keyProperty, message, e);
    }
    for (Map.Entry<String, String> name : BUILDER_NAMES) {
      if (message.startsWith(name.getKey())) {
        // Where the value came from: a named merchant may have inherited it from wxpay.*.
        return invalid(origins.getOrDefault(name.getValue(), name.getValue()), message, e);
      }
    }
    return new IllegalStateException("wxpay: cannot make the WechatPay client: " + message, e);
  }

  /** The PEM text of a key property: the value itself, or what its location holds. */
  private String pem(@Nullable String value, String property) {
    if (value == null || value.isBlank()) {
      throw invalid(property, "empty");
    }
    if (WxpayMerchantProperties.isPem(value) || property.endsWith("-pem")) {
      return value;
    }
    if (!WxpayMerchantProperties.isLocation(value)) {
      // Perhaps a key without its PEM lines: it must not be echoed as if it were a file name.
      throw invalid(property, "neither PEM text (-----BEGIN ...) nor a location such as"
          + " file:/etc/wxpay/key.pem or classpath:key.pem; the value is not shown");
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

  private void apply(String property, @Nullable String what, Runnable step) {
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

  private String require(@Nullable String value, String property, String what) {
    if (value == null || value.isBlank()) {
      throw invalid(property, "missing; " + what);
    }
    return value;
  }

  /** {@code property} is relative to the merchant's prefix, unless it is already a full name. */
  private InvalidWxpayPropertyException invalid(String property, String reason) {
    return new InvalidWxpayPropertyException(fullName(property), reason);
  }

  private InvalidWxpayPropertyException invalid(String property, String reason, Throwable cause) {
    return new InvalidWxpayPropertyException(fullName(property), reason, cause);
  }

  private String fullName(String property) {
    return property.startsWith("wxpay.") ? property : prefix + property;
  }
}
