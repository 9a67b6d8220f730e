package dev.wxpay.testkit;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The keys of one sandbox and what it does with them as WeChat Pay: the merchant's public key checks requests;
 * WeChat Pay's public key or newest platform certificate signs answers; the APIv3 key encrypts. Fixed at
 * start but for certificate rotation.
 */
final class SandboxKeys {
  private final SandboxAlgorithm algorithm;
  private final SandboxVerification verification;
  private final SandboxCrypto crypto;
  private final String mchid;
  private final String merchantSerialNo;
  private final KeyPair merchantKeyPair;
  private final @Nullable String wechatpayPublicKeyId;
  private final @Nullable KeyPair wechatpayKeyPair;
  private final String apiV3Key;
  private final PlatformCertificates certificates;

  /** The builder's keys, and fresh ones for what it leaves unset. */
  SandboxKeys(WechatPaySandbox.Builder builder, SandboxRandom random) {
    this.algorithm = builder.algorithm;
    this.verification = builder.verification;
    this.crypto = new SandboxCrypto(algorithm);
    this.mchid = builder.mchid;
    this.merchantSerialNo = builder.merchantSerialNo != null ? builder.merchantSerialNo : random.hex(20);
    this.merchantKeyPair = builder.merchantKeyPair != null
        ? requireFits(builder.merchantKeyPair, "merchant") : crypto.generateKeyPair(random.secureRandom());
    KeyPair given = builder.wechatpayKeyPair != null ? requireFits(builder.wechatpayKeyPair, "WeChat Pay") : null;
    if (verification == SandboxVerification.CERTIFICATE) {
      this.wechatpayPublicKeyId = null;
      this.wechatpayKeyPair = null;
    } else {
      this.wechatpayPublicKeyId =
          builder.wechatpayPublicKeyId != null ? builder.wechatpayPublicKeyId : "PUB_KEY_ID_" + random.digits(24);
      this.wechatpayKeyPair = given != null ? given : crypto.generateKeyPair(random.secureRandom());
    }
    this.apiV3Key = builder.apiV3Key != null ? builder.apiV3Key : random.alphanumeric(32);
    this.certificates = new PlatformCertificates(crypto, random, builder.clock, mchid, apiV3Key);
    if (verification != SandboxVerification.PUBLIC_KEY) {
      // In certificate mode a given WeChat Pay key pair is the first certificate's.
      certificates.issue(verification == SandboxVerification.CERTIFICATE && given != null
          ? given : crypto.generateKeyPair(random.secureRandom()));
    }
  }

  private KeyPair requireFits(KeyPair keyPair, String whose) {
    if (!crypto.fits(keyPair.getPublic()) || !crypto.fits(keyPair.getPrivate())) {
      throw new IllegalArgumentException("the " + whose + " key pair must be "
          + (algorithm == SandboxAlgorithm.SM2 ? "SM2 (EC on sm2p256v1)" : "RSA") + " in " + algorithm
          + " mode, was " + keyPair.getPublic().getAlgorithm());
    }
    return keyPair;
  }

  SandboxAlgorithm algorithm() {
    return algorithm;
  }

  SandboxVerification verification() {
    return verification;
  }

  SandboxCrypto crypto() {
    return crypto;
  }

  String mchid() {
    return mchid;
  }

  String merchantSerialNo() {
    return merchantSerialNo;
  }

  KeyPair merchantKeyPair() {
    return merchantKeyPair;
  }

  String apiV3Key() {
    return apiV3Key;
  }

  PlatformCertificates certificates() {
    return certificates;
  }

  /** The WeChat Pay public key id; throws IllegalStateException in CERTIFICATE mode, which has none. */
  String publicKeyId() {
    if (wechatpayPublicKeyId == null) {
      throw new IllegalStateException("a sandbox in CERTIFICATE mode has no WeChat Pay public key");
    }
    return wechatpayPublicKeyId;
  }

  /** The WeChat Pay public key's pair; throws IllegalStateException in CERTIFICATE mode, which has none. */
  KeyPair publicKeyPair() {
    if (wechatpayKeyPair == null) {
      throw new IllegalStateException("a sandbox in CERTIFICATE mode has no WeChat Pay public key");
    }
    return wechatpayKeyPair;
  }

  /** Whether a request's signature is the merchant's over the message. */
  boolean verifiesMerchant(byte[] message, byte[] signature) {
    return crypto.verify(merchantKeyPair.getPublic(), message, signature);
  }

  /**
   * Who signs an answer: the public key, or the newest certificate in effect in certificate mode and, where the answer
   * asks for it, in mixed mode.
   */
  AnswerSigner signer(boolean certificate) {
    if (verification == SandboxVerification.CERTIFICATE
        || (certificate && verification == SandboxVerification.MIXED)) {
      PlatformCertificates.Issued signing = certificates.signing();
      return new AnswerSigner(signing.serial(), signing.keyPair().getPrivate(), crypto);
    }
    return new AnswerSigner(publicKeyId(), publicKeyPair().getPrivate(), crypto);
  }

  /** Encrypts as WeChat Pay encrypts resources: the algorithm's AEAD under the APIv3 key; Base64. */
  String encrypt(String nonce, String associatedData, byte[] plaintext) {
    return crypto.encrypt(apiV3Key.getBytes(StandardCharsets.UTF_8), nonce, associatedData, plaintext);
  }

  /** Why a request's {@code Wechatpay-Serial} is refused, or null if it names a key the sandbox has. */
  @Nullable String serialProblem(String serial) {
    Set<String> known = new LinkedHashSet<>();
    if (wechatpayPublicKeyId != null) {
      known.add(wechatpayPublicKeyId);
    }
    for (PlatformCertificates.Issued certificate : certificates.all()) {
      known.add(certificate.serial());
    }
    if (known.contains(serial)) {
      return null;
    }
    return "Wechatpay-Serial \"" + serial + "\" is not "
        + switch (verification) {
          case PUBLIC_KEY -> "the WeChat Pay public key id \"" + wechatpayPublicKeyId + "\"";
          case CERTIFICATE -> "a platform certificate serial " + known;
          case MIXED -> "the WeChat Pay public key id or a platform certificate serial " + known;
        };
  }
}
