package dev.wxpay.runtime.internal.crypto;

import static dev.wxpay.runtime.Fuzz.documented;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.wxpay.runtime.Fuzz;
import dev.wxpay.runtime.FuzzInputs;
import dev.wxpay.runtime.TestKeys;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Hostile PEM into {@link PemKeys} (documented: {@link IllegalArgumentException}), and hostile ciphertexts
 * into {@link ApiV3Key} (AES-256-GCM and SM4-GCM) and {@link SensitiveCipher} (RSA-OAEP and SM2), both
 * documented to throw {@link DecryptionException}. Valid inputs are altered as text, as Base64, and below
 * the Base64 (DER or ciphertext bytes), so that the alterations reach the parsers and the ciphers.
 */
class CryptoFuzzTest {
  private static final KeyPair SM2 = TestKeys.sm2();
  private static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

  private static final String[][] PEMS = pems();

  private static String[][] pems() {
    try {
      KeyPair rsa = TestKeys.MERCHANT;
      byte[] pkcs1 = PrivateKeyInfo.getInstance(rsa.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive()
          .getEncoded();
      X500Name name = new X500Name("CN=Tenpay.com Root CA");
      Instant now = Instant.now();
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
          name, BigInteger.valueOf(0x5157F09EL), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(Duration.ofDays(365))), name, rsa.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(rsa.getPrivate())));
      // {type, DER as Base64}
      return new String[][] {
        {"PRIVATE KEY", b64(rsa.getPrivate().getEncoded())},
        {"RSA PRIVATE KEY", b64(pkcs1)},
        {"PRIVATE KEY", TestKeys.OFFICIAL_SM2_PRIVATE_KEY_PKCS8},
        {"PUBLIC KEY", b64(rsa.getPublic().getEncoded())},
        {"PUBLIC KEY", b64(SM2.getPublic().getEncoded())},
        {"CERTIFICATE", b64(certificate.getEncoded())},
        {"CERTIFICATE", TestKeys.OFFICIAL_SM2_CERTIFICATE},
      };
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String b64(byte[] der) {
    return Base64.getEncoder().encodeToString(der);
  }

  /** DER nested {@code depth} SEQUENCEs deep, around {@code inner}. */
  static byte[] nested(int depth, byte[] inner) {
    byte[] out = inner;
    for (int i = 0; i < depth; i++) {
      ByteArrayOutputStream next = new ByteArrayOutputStream(out.length + 6);
      next.write(0x30);
      int n = out.length;
      if (n < 0x80) {
        next.write(n);
      } else if (n < 0x10000) {
        next.write(0x82);
        next.write(n >> 8);
        next.write(n);
      } else {
        next.write(0x83);
        next.write(n >> 16);
        next.write(n >> 8);
        next.write(n);
      }
      next.writeBytes(out);
      out = next.toByteArray();
    }
    return out;
  }

  private static final byte[][] HOSTILE_DER = {
    nested(5_000, new byte[] {0x05, 0x00}), // deep nesting: a recursive parser's stack
    nested(100, new byte[] {0x05, 0x00}),
    {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x00}, // a 2 GB length
    {0x30, (byte) 0x80, 0x02, 0x01, 0x00, 0x00, 0x00}, // indefinite length (BER, not DER)
    {0x02, (byte) 0x89, 1, 0, 0, 0, 0, 0, 0, 0, 0}, // a length longer than int
    {0x30, 0x03, 0x02, 0x05, 0x00}, // inner length past the end
    {0x1f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0x00}, // a huge tag number
    {},
  };

  static byte[] hostileDer(Random random) {
    return HOSTILE_DER[random.nextInt(HOSTILE_DER.length)];
  }

  static String pem(Random random) {
    String[] valid = PEMS[random.nextInt(PEMS.length)];
    String type = valid[0];
    byte[] der = Base64.getDecoder().decode(valid[1]);
    String body;
    switch (random.nextInt(5)) {
      case 0 -> body = b64(FuzzInputs.mutate(random, der)); // altered DER, well-formed Base64
      case 1 -> body = b64(HOSTILE_DER[random.nextInt(HOSTILE_DER.length)]);
      case 2 -> body = b64(nested(1 + random.nextInt(3), der));
      default -> body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    }
    String text = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    // Then sometimes the text itself: lines, dashes, Base64, the block's type.
    return random.nextBoolean() ? FuzzInputs.mutate(random, text) : text;
  }

  @Test
  void pemKeys() {
    Fuzz.forAllStrings("PemKeys", 1500, CryptoFuzzTest::pem, pem -> {
      // Each reader on the same text: each returns a key or fails as documented.
      int read = 0;
      for (Function<String, Object> reader : PEM_READERS) {
        try {
          assertNotNull(reader.apply(pem));
          read++;
        } catch (IllegalArgumentException expected) {
          // documented
        }
      }
      if (read == 0) {
        throw new IllegalArgumentException("none read it");
      }
    }, documented(IllegalArgumentException.class));
  }

  private static final List<Function<String, Object>> PEM_READERS =
      List.of(PemKeys::privateKey, PemKeys::publicKey, PemKeys::certificate);

  // ---- APIv3 AEAD ----

  record Aead(String algorithm, String nonce, String associatedData, String ciphertext) {
    @Override
    public String toString() {
      return algorithm + " nonce=" + nonce + " aad=" + associatedData + " ciphertext=" + ciphertext;
    }
  }

  private static final byte[] PLAINTEXT = "{\"out_trade_no\":\"1217752501201407033233368018\"}".getBytes(StandardCharsets.UTF_8);

  private static String seal(boolean sm4, String nonce, String aad, byte[] plaintext) {
    try {
      byte[] key = API_V3_KEY.getBytes(StandardCharsets.UTF_8);
      Cipher cipher = sm4 ? Cipher.getInstance("SM4/GCM/NoPadding", TestKeys.BC) : Cipher.getInstance("AES/GCM/NoPadding");
      byte[] cipherKey = sm4 ? Arrays.copyOf(MessageDigest.getInstance("SM3", TestKeys.BC).digest(key), 16) : key;
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cipherKey, sm4 ? "SM4" : "AES"),
          new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
      cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
      return b64(cipher.doFinal(plaintext));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static final Aead AES = new Aead("AEAD_AES_256_GCM", "fdasflkja484w", "transaction",
      seal(false, "fdasflkja484w", "transaction", PLAINTEXT));
  private static final Aead SM4 = new Aead("AEAD_SM4_GCM", "fdasflkja484w", "transaction",
      seal(true, "fdasflkja484w", "transaction", PLAINTEXT));

  static Aead aead(Random random) {
    Aead valid = random.nextBoolean() ? AES : SM4;
    String algorithm = valid.algorithm();
    String nonce = valid.nonce();
    String aad = valid.associatedData();
    String ciphertext = valid.ciphertext();
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      switch (random.nextInt(7)) {
        case 0 -> algorithm = random.nextBoolean() ? FuzzInputs.mutate(random, algorithm) : FuzzInputs.hostileText(random);
        case 1 -> nonce = random.nextBoolean() ? FuzzInputs.mutate(random, nonce) : FuzzInputs.hostileText(random);
        case 2 -> aad = FuzzInputs.mutate(random, aad);
        case 3 -> ciphertext = FuzzInputs.mutate(random, ciphertext); // the Base64 text
        default -> ciphertext = b64(FuzzInputs.mutate(random, Base64.getDecoder().decode(valid.ciphertext()))); // the bytes
      }
    }
    return new Aead(algorithm, nonce, aad, ciphertext);
  }

  @Test
  void apiV3KeyDecrypt() {
    ApiV3Key key = ApiV3Key.of(API_V3_KEY);
    Fuzz.forAll("ApiV3Key", 2000, CryptoFuzzTest::aead, Aead::toString,
        a -> a.toString().getBytes(StandardCharsets.UTF_8), a -> {
          byte[] plaintext = key.decrypt(a.algorithm(), a.nonce(), a.associatedData(), a.ciphertext());
          // Decrypted: then nothing that the tag covers was changed.
          Aead valid = a.algorithm().equals(AES.algorithm()) ? AES : SM4;
          assertArrayEquals(PLAINTEXT, plaintext);
          assertArrayEquals(utf8(valid.nonce()), utf8(a.nonce()));
          assertArrayEquals(utf8(valid.associatedData()), utf8(a.associatedData()));
          assertArrayEquals(Base64.getDecoder().decode(valid.ciphertext()), Base64.getDecoder().decode(a.ciphertext()));
        }, documented(DecryptionException.class));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ---- sensitive fields ----

  private static final String FIELD = "张三";
  private static final String RSA_CIPHERTEXT = SensitiveCipher.encrypt(TestKeys.MERCHANT.getPublic(), FIELD);
  private static final String SM2_CIPHERTEXT = SensitiveCipher.encrypt(SM2.getPublic(), FIELD);

  record Field(boolean sm2, String ciphertext) {
    @Override
    public String toString() {
      return (sm2 ? "SM2 " : "RSA ") + ciphertext;
    }
  }

  static Field field(Random random) {
    boolean sm2 = random.nextInt(3) != 0;
    byte[] der = Base64.getDecoder().decode(sm2 ? SM2_CIPHERTEXT : RSA_CIPHERTEXT);
    String ciphertext = switch (random.nextInt(5)) {
      case 0 -> FuzzInputs.mutate(random, b64(der));
      case 1 -> b64(HOSTILE_DER[random.nextInt(HOSTILE_DER.length)]);
      case 2 -> b64(FuzzInputs.randomBytes(random));
      default -> b64(FuzzInputs.mutate(random, der));
    };
    return new Field(sm2, ciphertext);
  }

  @Test
  void sensitiveFieldDecrypt() {
    Fuzz.forAll("SensitiveCipher", 600, CryptoFuzzTest::field, Field::toString,
        f -> f.ciphertext().getBytes(StandardCharsets.UTF_8), f -> {
          PrivateKey key = f.sm2() ? SM2.getPrivate() : TestKeys.MERCHANT.getPrivate();
          assertEquals(FIELD, SensitiveCipher.decrypt(key, f.ciphertext()));
        }, documented(DecryptionException.class));
  }
}
