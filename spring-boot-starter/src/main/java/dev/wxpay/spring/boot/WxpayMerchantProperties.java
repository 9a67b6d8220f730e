package dev.wxpay.spring.boot;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The properties of one merchant: {@code wxpay.*} for the default one, {@code wxpay.merchants.<name>.*} for
 * each named one. Keys can be given as a location ({@code file:}, {@code classpath:}) or as PEM text, e.g.
 * from an environment variable ({@code WXPAY_PRIVATE_KEY_PEM}); {@link #toString()} never shows key material
 * or the APIv3 key.
 */
public class WxpayMerchantProperties {

  /** The merchant id, e.g. 1900000001. Setting wxpay.mchid makes the default WechatPay bean. */
  private @Nullable String mchid;

  /** The serial number of the merchant API certificate. */
  private @Nullable String merchantSerialNo;

  /**
   * Where the merchant API private key (PEM, PKCS#8 or PKCS#1) is: a resource location such as
   * file:/etc/wxpay/apiclient_key.pem or classpath:apiclient_key.pem. Alternative to private-key-pem.
   */
  private @Nullable String privateKey;

  /** The merchant API private key as PEM text, e.g. from an environment variable. Alternative to private-key. */
  private @Nullable String privateKeyPem;

  /** The id of the WeChat Pay public key (PUB_KEY_ID_...); set together with public-key. */
  private @Nullable String publicKeyId;

  /** The WeChat Pay public key: a resource location (file:, classpath:) or the PEM text itself. */
  private @Nullable String publicKey;

  /**
   * Whether to verify answers with platform certificates downloaded from v3/certificates at start-up and
   * refreshed in the background; needs api-v3-key. May be combined with a public key (migration).
   */
  private boolean platformCertificates;

  /** The APIv3 key (32 bytes): decrypts notifications and downloaded platform certificates. */
  private @Nullable String apiV3Key;

  /** Where requests go; default https://api.mch.weixin.qq.com/. Plain http only for loopback hosts. */
  private @Nullable URI baseUri;

  /** Where Hong Kong endpoints go; default https://apihk.mch.weixin.qq.com/. */
  private @Nullable URI hongKongBaseUri;

  /** A backup host for retries, such as https://api2.wechatpay.cn/. */
  private @Nullable URI backupBaseUri;

  /** How long to wait for a connection; default 10s. */
  private @Nullable Duration connectTimeout;

  /** How long to wait for a whole answer; default 30s. */
  private @Nullable Duration requestTimeout;

  /** How often a request that provably never reached WeChat Pay is sent again (0 to 5); default 0. */
  private @Nullable Integer retries;

  public @Nullable String getMchid() {
    return mchid;
  }

  public void setMchid(@Nullable String mchid) {
    this.mchid = mchid;
  }

  public @Nullable String getMerchantSerialNo() {
    return merchantSerialNo;
  }

  public void setMerchantSerialNo(@Nullable String merchantSerialNo) {
    this.merchantSerialNo = merchantSerialNo;
  }

  public @Nullable String getPrivateKey() {
    return privateKey;
  }

  public void setPrivateKey(@Nullable String privateKey) {
    this.privateKey = privateKey;
  }

  public @Nullable String getPrivateKeyPem() {
    return privateKeyPem;
  }

  public void setPrivateKeyPem(@Nullable String privateKeyPem) {
    this.privateKeyPem = privateKeyPem;
  }

  public @Nullable String getPublicKeyId() {
    return publicKeyId;
  }

  public void setPublicKeyId(@Nullable String publicKeyId) {
    this.publicKeyId = publicKeyId;
  }

  public @Nullable String getPublicKey() {
    return publicKey;
  }

  public void setPublicKey(@Nullable String publicKey) {
    this.publicKey = publicKey;
  }

  public boolean isPlatformCertificates() {
    return platformCertificates;
  }

  public void setPlatformCertificates(boolean platformCertificates) {
    this.platformCertificates = platformCertificates;
  }

  public @Nullable String getApiV3Key() {
    return apiV3Key;
  }

  public void setApiV3Key(@Nullable String apiV3Key) {
    this.apiV3Key = apiV3Key;
  }

  public @Nullable URI getBaseUri() {
    return baseUri;
  }

  public void setBaseUri(@Nullable URI baseUri) {
    this.baseUri = baseUri;
  }

  public @Nullable URI getHongKongBaseUri() {
    return hongKongBaseUri;
  }

  public void setHongKongBaseUri(@Nullable URI hongKongBaseUri) {
    this.hongKongBaseUri = hongKongBaseUri;
  }

  public @Nullable URI getBackupBaseUri() {
    return backupBaseUri;
  }

  public void setBackupBaseUri(@Nullable URI backupBaseUri) {
    this.backupBaseUri = backupBaseUri;
  }

  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public @Nullable Duration getRequestTimeout() {
    return requestTimeout;
  }

  public void setRequestTimeout(@Nullable Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  public @Nullable Integer getRetries() {
    return retries;
  }

  public void setRetries(@Nullable Integer retries) {
    this.retries = retries;
  }

  /** Locations and ids as they are; PEM text and the APIv3 key only as whether they are set. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{mchid=" + mchid
        + ", merchantSerialNo=" + merchantSerialNo
        + ", privateKey=" + locationOrMasked(privateKey)
        + ", privateKeyPem=" + masked(privateKeyPem)
        + ", publicKeyId=" + publicKeyId
        + ", publicKey=" + locationOrMasked(publicKey)
        + ", platformCertificates=" + platformCertificates
        + ", apiV3Key=" + masked(apiV3Key)
        + ", baseUri=" + baseUri
        + ", hongKongBaseUri=" + hongKongBaseUri
        + ", backupBaseUri=" + backupBaseUri
        + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout
        + ", retries=" + retries
        + "}";
  }

  static boolean isPem(String value) {
    return value.contains("-----BEGIN");
  }

  /**
   * Whether a key property's value reads as a location (file:, classpath:, a path, a .pem file) rather than
   * key text: only a location is ever shown in a message, toString or the actuator. A Base64 key without
   * its PEM lines is no location.
   */
  static boolean isLocation(String value) {
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    return v.startsWith("file:") || v.startsWith("classpath:") || v.startsWith("classpath*:")
        || v.startsWith("http:") || v.startsWith("https:") || v.startsWith("/") || v.startsWith("./")
        || v.startsWith("../") || v.matches("[a-z]:[\\\\/].*")
        || v.endsWith(".pem") || v.endsWith(".crt") || v.endsWith(".cer") || v.endsWith(".key");
  }

  private static @Nullable String masked(@Nullable String secret) {
    return secret == null ? null : "******";
  }

  /** Key text given where a location is expected (PEM, or bare Base64) is still a key: never shown. */
  static boolean isKeyText(String value) {
    return isPem(value) || !isLocation(value);
  }

  private static @Nullable String locationOrMasked(@Nullable String value) {
    return value == null ? null : isKeyText(value) ? "******" : value;
  }
}
