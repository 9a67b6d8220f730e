package dev.wxpay.testkit;

/** The family of algorithms a sandbox speaks, as chosen with {@link WechatPaySandbox.Builder#algorithm}. */
public enum SandboxAlgorithm {
  /**
   * RSA-2048 keys; {@code WECHATPAY2-SHA256-RSA2048} signatures (SHA256withRSA, PKCS#1 v1.5); resources and
   * certificates encrypted with {@code AEAD_AES_256_GCM} under the APIv3 key; bills hashed with SHA-1.
   */
  RSA("WECHATPAY2-SHA256-RSA2048", "SHA256withRSA", "AEAD_AES_256_GCM", "SHA1"),

  /**
   * 国密: SM2 keys on the curve {@code sm2p256v1}; {@code WECHATPAY2-SM2-WITH-SM3} signatures (SM3withSM2
   * with the default user id {@code 1234567812345678}, the signature DER-encoded as
   * {@code SEQUENCE { r INTEGER, s INTEGER }}); resources and certificates encrypted with
   * {@code AEAD_SM4_GCM} under the first 16 bytes of SM3(APIv3 key); bills hashed with SM3.
   */
  SM2("WECHATPAY2-SM2-WITH-SM3", "SM3withSM2", "AEAD_SM4_GCM", "SM3");

  private final String scheme;
  private final String signatureAlgorithm;
  private final String aeadAlgorithm;
  private final String hashType;

  SandboxAlgorithm(String scheme, String signatureAlgorithm, String aeadAlgorithm, String hashType) {
    this.scheme = scheme;
    this.signatureAlgorithm = signatureAlgorithm;
    this.aeadAlgorithm = aeadAlgorithm;
    this.hashType = hashType;
  }

  /**
   * The {@code Authorization} scheme requests must use and the {@code Wechatpay-Signature-Type} of
   * notifications, such as {@code WECHATPAY2-SHA256-RSA2048}.
   */
  public String scheme() {
    return scheme;
  }

  /** The JCA signature algorithm, {@code SHA256withRSA} or {@code SM3withSM2}. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** The {@code algorithm} of encrypted resources and certificates, such as {@code AEAD_AES_256_GCM}. */
  public String aeadAlgorithm() {
    return aeadAlgorithm;
  }

  /** The default {@code hash_type} of bills, {@code SHA1} or {@code SM3}. */
  public String hashType() {
    return hashType;
  }
}
