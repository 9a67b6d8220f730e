package dev.wxpay.runtime.internal.crypto;

import static dev.wxpay.runtime.TestKeys.BC;
import static dev.wxpay.runtime.TestKeys.utf8;
import static dev.wxpay.runtime.TestKeys.MERCHANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.TestKeys;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.junit.jupiter.api.Test;

class SignatureSchemeTest {
  private static final byte[] MESSAGE = utf8("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n");
  private static final byte[] USER_ID = utf8("1234567812345678");
  private static final KeyPair SM2 = TestKeys.sm2();

  @Test
  void schemas() {
    assertEquals("WECHATPAY2-SHA256-RSA2048", SignatureScheme.RSA.schema());
    assertEquals("WECHATPAY2-SM2-WITH-SM3", SignatureScheme.SM2.schema());
  }

  @Test
  void rsaSignatureVerifiesWithTheJdk() throws Exception {
    byte[] signature = SignatureScheme.RSA.sign(MERCHANT.getPrivate(), MESSAGE);
    Signature jdk = Signature.getInstance("SHA256withRSA");
    jdk.initVerify(MERCHANT.getPublic());
    jdk.update(MESSAGE);
    assertTrue(jdk.verify(signature));
  }

  @Test
  void jdkRsaSignatureVerifiesHere() throws Exception {
    Signature jdk = Signature.getInstance("SHA256withRSA");
    jdk.initSign(MERCHANT.getPrivate());
    jdk.update(MESSAGE);
    byte[] signature = jdk.sign();
    assertTrue(SignatureScheme.RSA.verify(MERCHANT.getPublic(), MESSAGE, signature));
    assertFalse(SignatureScheme.RSA.verify(MERCHANT.getPublic(), utf8("other"), signature));
  }

  @Test
  void malformedRsaSignaturesAreFalseNotExceptions() {
    assertFalse(SignatureScheme.RSA.verify(MERCHANT.getPublic(), MESSAGE, new byte[0]));
    assertFalse(SignatureScheme.RSA.verify(MERCHANT.getPublic(), MESSAGE, new byte[7]));
    assertFalse(SignatureScheme.RSA.verify(MERCHANT.getPublic(), MESSAGE, new byte[256]));
    assertFalse(SignatureScheme.RSA.verify(MERCHANT.getPublic(), MESSAGE, new byte[512]));
  }

  @Test
  void sm2SignatureIsDerAndVerifiesWithBouncyCastleDirectly() throws Exception {
    byte[] signature = SignatureScheme.SM2.sign(SM2.getPrivate(), MESSAGE);

    // DER SEQUENCE {r, s}, not raw r||s.
    ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
    assertEquals(2, sequence.size());
    ASN1Integer.getInstance(sequence.getObjectAt(0));
    ASN1Integer.getInstance(sequence.getObjectAt(1));

    // BC's JCA signature with its default id ...
    Signature jca = Signature.getInstance("SM3withSM2", BC);
    jca.initVerify(SM2.getPublic());
    jca.update(MESSAGE);
    assertTrue(jca.verify(signature));

    // ... and BC's lightweight SM2Signer with the id spelled out.
    SM2Signer signer = new SM2Signer();
    signer.init(false, new ParametersWithID(ECUtil.generatePublicKeyParameter(SM2.getPublic()), USER_ID));
    signer.update(MESSAGE, 0, MESSAGE.length);
    assertTrue(signer.verifySignature(signature));
  }

  @Test
  void bouncyCastleSm2SignatureVerifiesHere() throws Exception {
    SM2Signer signer = new SM2Signer();
    signer.init(true, new ParametersWithID(ECUtil.generatePrivateKeyParameter(SM2.getPrivate()), USER_ID));
    signer.update(MESSAGE, 0, MESSAGE.length);
    byte[] signature = signer.generateSignature();
    assertTrue(SignatureScheme.SM2.verify(SM2.getPublic(), MESSAGE, signature));
    assertFalse(SignatureScheme.SM2.verify(SM2.getPublic(), utf8("other"), signature));
  }

  @Test
  void sm2SignatureUnderAnotherUserIdDoesNotVerify() throws Exception {
    Signature jca = Signature.getInstance("SM3withSM2", BC);
    jca.setParameter(new SM2ParameterSpec(utf8("ALICE123@YAHOO.COM")));
    jca.initSign(SM2.getPrivate());
    jca.update(MESSAGE);
    assertFalse(SignatureScheme.SM2.verify(SM2.getPublic(), MESSAGE, jca.sign()));
  }

  @Test
  void officialSdkSm2SignatureVerifies() {
    // Signature of "message" from WeChat Pay's Java SDK tests, under its SM2 test certificate.
    PublicKey key = TestKeys.officialSm2PublicKey();
    byte[] signature = Base64.getDecoder().decode(TestKeys.OFFICIAL_SM2_SIGNATURE_OF_MESSAGE);
    assertTrue(SignatureScheme.SM2.verify(key, utf8("message"), signature));
    assertFalse(SignatureScheme.SM2.verify(key, utf8("false-message"), signature));
    // And our signatures under the SDK's private key verify against its certificate.
    byte[] ours = SignatureScheme.SM2.sign(TestKeys.officialSm2PrivateKey(), utf8("message"));
    assertTrue(SignatureScheme.SM2.verify(key, utf8("message"), ours));
  }

  @Test
  void malformedSm2SignaturesAreFalseNotExceptions() {
    byte[] der = SignatureScheme.SM2.sign(SM2.getPrivate(), MESSAGE);
    assertFalse(SignatureScheme.SM2.verify(SM2.getPublic(), MESSAGE, new byte[0]));
    assertFalse(SignatureScheme.SM2.verify(SM2.getPublic(), MESSAGE, new byte[64])); // raw r||s shape
    assertFalse(SignatureScheme.SM2.verify(SM2.getPublic(), MESSAGE, utf8("not a signature at all")));
    byte[] truncated = java.util.Arrays.copyOf(der, der.length - 1);
    assertFalse(SignatureScheme.SM2.verify(SM2.getPublic(), MESSAGE, truncated));
  }

  @Test
  void forKeyPicksTheScheme() {
    assertEquals(SignatureScheme.RSA, SignatureScheme.forKey(MERCHANT.getPrivate()));
    assertEquals(SignatureScheme.RSA, SignatureScheme.forKey(MERCHANT.getPublic()));
    assertEquals(SignatureScheme.SM2, SignatureScheme.forKey(SM2.getPrivate()));
    assertEquals(SignatureScheme.SM2, SignatureScheme.forKey(SM2.getPublic()));
    assertEquals(SignatureScheme.SM2, SignatureScheme.forKey(TestKeys.officialSm2PrivateKey()));
    assertEquals(SignatureScheme.SM2, SignatureScheme.forKey(TestKeys.officialSm2PublicKey()));
  }

  @Test
  void forKeyRejectsOtherCurvesAndAlgorithmsNamingOnlyThem() throws Exception {
    KeyPair p256 = TestKeys.ec("secp256r1");
    assertWrongKey(p256.getPrivate(), "secp256r1");
    assertWrongKey(p256.getPublic(), "secp256r1");

    KeyPairGenerator bcEc = KeyPairGenerator.getInstance("EC", BC);
    bcEc.initialize(new java.security.spec.ECGenParameterSpec("secp256k1"));
    assertWrongKey(bcEc.generateKeyPair().getPublic(), "secp256k1");

    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertWrongKey(ed.getPrivate(), "EdDSA");
  }

  @Test
  void aKeyOfTheOtherSchemeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SignatureScheme.SM2.sign(MERCHANT.getPrivate(), MESSAGE));
    assertThrows(IllegalArgumentException.class, () -> SignatureScheme.RSA.sign(SM2.getPrivate(), MESSAGE));
    assertThrows(IllegalArgumentException.class, () -> SignatureScheme.RSA.verify(SM2.getPublic(), MESSAGE, new byte[1]));
  }

  private static void assertWrongKey(Key key, String named) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignatureScheme.forKey(key));
    assertTrue(e.getMessage().startsWith("wrong key type: "), e.getMessage());
    assertTrue(e.getMessage().contains(named), e.getMessage());
    String encoded = Base64.getEncoder().encodeToString(key.getEncoded());
    assertFalse(e.getMessage().contains(encoded.substring(encoded.length() - 16)), e.getMessage());
    if (key instanceof PrivateKey) {
      assertFalse(e.getMessage().contains(key.toString()), e.getMessage());
    }
  }
}
