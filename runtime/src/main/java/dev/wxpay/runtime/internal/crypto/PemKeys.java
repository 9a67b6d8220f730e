package dev.wxpay.runtime.internal.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * Reads keys from PEM text. Keys are converted with the JDK's key factories (no provider is registered),
 * so any installed JCA provider can use them.
 *
 * <p>RSA keys and certificates, what WeChat Pay merchants have, are read with the JDK alone. Anything else
 * (SM2, PKCS#1 public keys, encrypted keys, broken PEM) goes to Bouncy Castle, which also writes the error
 * messages: its signed jars cost hundreds of milliseconds to open, so an RSA merchant never loads them.
 *
 * <p>Error messages name what was expected and what was found, never the PEM text itself.
 */
public final class PemKeys {
  private PemKeys() {}

  private static final String BEGIN = "-----BEGIN ";
  private static final String DASHES = "-----";
  // AlgorithmIdentifier {rsaEncryption, NULL}, DER: wraps a PKCS#1 key into PKCS#8 for the JDK's KeyFactory.
  private static final byte[] RSA_ALGORITHM = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
  };

  /**
   * Reads an unencrypted private key: PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1
   * ({@code BEGIN RSA PRIVATE KEY}). Other PEM blocks before the key (e.g. a certificate) are skipped.
   *
   * @throws IllegalArgumentException if the text holds no readable private key
   */
  public static PrivateKey privateKey(String pem) {
    rejectDeepNesting(pem, "private key");
    PrivateKey rsa = jdkRsaPrivateKey(pem);
    return rsa != null ? rsa : BcPem.privateKey(pem);
  }

  /**
   * Reads a public key: an X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}) or the key of an X.509
   * certificate ({@code BEGIN CERTIFICATE}). The certificate's validity is not checked.
   *
   * @throws IllegalArgumentException if the text holds no readable public key
   */
  public static PublicKey publicKey(String pem) {
    rejectDeepNesting(pem, "public key");
    PublicKey rsa = jdkRsaPublicKey(pem);
    return rsa != null ? rsa : BcPem.publicKey(pem);
  }

  /**
   * Reads an X.509 certificate ({@code BEGIN CERTIFICATE}), RSA or SM2. Its validity is not checked.
   *
   * @throws IllegalArgumentException if the text holds no readable certificate
   */
  public static X509Certificate certificate(String pem) {
    rejectDeepNesting(pem, "certificate");
    X509Certificate rsa = jdkRsaCertificate(pem);
    return rsa != null ? rsa : BcPem.certificate(pem);
  }

  /**
   * Refuses PEM whose ASN.1 nests deeper than any key or certificate: the parsers recurse once per level,
   * so a few kilobytes of nested SEQUENCEs would overflow the stack.
   */
  private static void rejectDeepNesting(String pem, String what) {
    for (Block block = Block.next(pem, 0); block != null; block = Block.next(pem, block.end)) {
      byte[] der = block.derAfterHeaders();
      if (der != null && DerDepth.tooDeep(der, DerDepth.LIMIT)) {
        throw new IllegalArgumentException("malformed " + what + " PEM: its ASN.1 nests more than "
            + DerDepth.LIMIT + " levels deep");
      }
    }
  }

  /** The RSA key of the first private key block, or null for anything the JDK path does not read. */
  private static @Nullable PrivateKey jdkRsaPrivateKey(String pem) {
    Block block = Block.first(pem, "PRIVATE KEY", "RSA PRIVATE KEY");
    byte[] der = block == null ? null : block.der();
    if (der == null) {
      return null;
    }
    try {
      byte[] pkcs8 = block.type.equals("PRIVATE KEY") ? der : pkcs1ToPkcs8(der);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | RuntimeException e) {
      // Not RSA (e.g. SM2), or broken: Bouncy Castle reads it or says what is wrong.
      return null;
    }
  }

  /** The RSA key of the first public key or certificate block, or null for anything else. */
  private static @Nullable PublicKey jdkRsaPublicKey(String pem) {
    Block block = Block.first(pem, "PUBLIC KEY", "CERTIFICATE");
    if (block == null) {
      return null;
    }
    if (block.type.equals("CERTIFICATE")) {
      X509Certificate certificate = jdkRsaCertificate(block);
      return certificate == null ? null : certificate.getPublicKey();
    }
    byte[] der = block.der();
    try {
      return der == null ? null : KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      return null;
    }
  }

  /** The first certificate block if it is an RSA certificate the JDK reads, else null. */
  private static @Nullable X509Certificate jdkRsaCertificate(String pem) {
    Block block = Block.first(pem, "CERTIFICATE");
    return block == null ? null : jdkRsaCertificate(block);
  }

  private static @Nullable X509Certificate jdkRsaCertificate(Block block) {
    byte[] der = block.der();
    if (der == null) {
      return null;
    }
    try {
      Certificate certificate =
          CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
      // SM2 certificates parse too, but their keys are only usable as Bouncy Castle reads them.
      return certificate instanceof X509Certificate x509 && x509.getPublicKey() instanceof RSAPublicKey ? x509 : null;
    } catch (CertificateException | RuntimeException e) {
      return null;
    }
  }

  /** PKCS#8 PrivateKeyInfo {0, rsaEncryption, OCTET STRING {pkcs1}}, in DER. */
  private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    byte[] octets = tlv(0x04, pkcs1);
    byte[] content = new byte[3 + RSA_ALGORITHM.length + octets.length];
    content[0] = 0x02;
    content[1] = 0x01;
    content[2] = 0x00;
    System.arraycopy(RSA_ALGORITHM, 0, content, 3, RSA_ALGORITHM.length);
    System.arraycopy(octets, 0, content, 3 + RSA_ALGORITHM.length, octets.length);
    return tlv(0x30, content);
  }

  private static byte[] tlv(int tag, byte[] value) {
    int n = value.length;
    int lengthBytes = n < 0x80 ? 0 : n < 0x100 ? 1 : n < 0x10000 ? 2 : 3;
    byte[] out = new byte[2 + lengthBytes + n];
    out[0] = (byte) tag;
    if (lengthBytes == 0) {
      out[1] = (byte) n;
    } else {
      out[1] = (byte) (0x80 | lengthBytes);
      for (int i = 0; i < lengthBytes; i++) {
        out[2 + i] = (byte) (n >>> (8 * (lengthBytes - 1 - i)));
      }
    }
    System.arraycopy(value, 0, out, 2 + lengthBytes, n);
    return out;
  }

  /** One {@code -----BEGIN type-----} … {@code -----END type-----} block of PEM text. */
  private static final class Block {
    final String type;
    final String base64;
    final int end;

    private Block(String type, String base64, int end) {
      this.type = type;
      this.base64 = base64;
      this.end = end;
    }

    /** The first complete block of one of these types, skipping blocks of other types; null if none. */
    static @Nullable Block first(String pem, String... types) {
      for (Block block = next(pem, 0); block != null; block = next(pem, block.end)) {
        for (String type : types) {
          if (block.type.equals(type)) {
            return block;
          }
        }
      }
      return null;
    }

    /** The next complete block at or after {@code from}, or null. */
    static @Nullable Block next(String pem, int from) {
      int begin = pem.indexOf(BEGIN, from);
      if (begin < 0) {
        return null;
      }
      int typeEnd = pem.indexOf(DASHES, begin + BEGIN.length());
      if (typeEnd < 0) {
        return null;
      }
      String type = pem.substring(begin + BEGIN.length(), typeEnd);
      String endLine = "-----END " + type + DASHES;
      int end = pem.indexOf(endLine, typeEnd + DASHES.length());
      if (end < 0) {
        return null;
      }
      return new Block(type, pem.substring(typeEnd + DASHES.length(), end), end + endLine.length());
    }

    /** The Base64 body decoded after any {@code Name: value} header lines, as Bouncy Castle reads it; or null. */
    byte @Nullable [] derAfterHeaders() {
      StringBuilder body = new StringBuilder(base64.length());
      for (String line : base64.split("\n")) {
        if (line.indexOf(':') < 0) {
          body.append(line);
        }
      }
      return new Block(type, body.toString(), end).der();
    }

    /**
     * The Base64 body decoded, or null when it is not plain Base64 (e.g. an encrypted key's
     * {@code Proc-Type} headers): such text is left to Bouncy Castle.
     */
    byte @Nullable [] der() {
      StringBuilder clean = new StringBuilder(base64.length());
      for (int i = 0; i < base64.length(); i++) {
        char c = base64.charAt(i);
        if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
          clean.append(c);
        }
      }
      try {
        return Base64.getDecoder().decode(clean.toString());
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  /** Bouncy Castle's PEM reading: SM2 keys, the rarer PEM forms, and every error message. */
  private static final class BcPem {
    private BcPem() {}

    /** {@link PemKeys#privateKey}, by Bouncy Castle. */
    static PrivateKey privateKey(String pem) {
      Converter converter = new Converter();
      @Nullable String skipped = null;
      try (PEMParser parser = new PEMParser(new StringReader(pem))) {
        for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
          if (object instanceof PrivateKeyInfo info) {
            return converter.getPrivateKey(info);
          }
          if (object instanceof PEMKeyPair pair) {
            return converter.getKeyPair(pair).getPrivate();
          }
          if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            skipped = "an encrypted private key; decrypt it first (openssl pkcs8 -nocrypt)";
            break;
          }
          skipped = kind(object);
        }
      } catch (IOException | RuntimeException e) {
        throw malformed(e, "private key");
      }
      throw new IllegalArgumentException(
          "no private key found in PEM; expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----"
              + (skipped == null ? "" : " (found " + skipped + ")"));
    }

    /** {@link PemKeys#publicKey}, by Bouncy Castle. */
    static PublicKey publicKey(String pem) {
      Converter converter = new Converter();
      @Nullable String skipped = null;
      try (PEMParser parser = new PEMParser(new StringReader(pem))) {
        for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
          if (object instanceof SubjectPublicKeyInfo info) {
            return converter.getPublicKey(info);
          }
          if (object instanceof X509CertificateHolder certificate) {
            return converter.getPublicKey(certificate.getSubjectPublicKeyInfo());
          }
          skipped = kind(object);
        }
      } catch (IOException | RuntimeException e) {
        throw malformed(e, "public key");
      }
      throw new IllegalArgumentException(
          "no public key found in PEM; expected -----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE-----"
              + (skipped == null ? "" : " (found " + skipped + ")"));
    }

    /** {@link PemKeys#certificate}, by Bouncy Castle. */
    static X509Certificate certificate(String pem) {
      @Nullable String skipped = null;
      try (PEMParser parser = new PEMParser(new StringReader(pem))) {
        for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
          if (object instanceof X509CertificateHolder holder) {
            // Bouncy Castle's certificate objects hand out SM2 keys the JDK cannot build.
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(holder);
            // They read some fields only when asked, and then throw unchecked: ask now, so that a broken
            // certificate fails here and not in a later validity check.
            certificate.getNotBefore();
            certificate.getNotAfter();
            if (certificate.getPublicKey() == null) {
              throw new CertificateException("no readable public key");
            }
            return certificate;
          }
          skipped = kind(object);
        }
      } catch (IOException | CertificateException | RuntimeException e) {
        throw malformed(e, "certificate");
      }
      throw new IllegalArgumentException("no certificate found in PEM; expected -----BEGIN CERTIFICATE-----"
          + (skipped == null ? "" : " (found " + skipped + ")"));
    }

    /**
     * Converts with the JDK's key factories, so any installed provider can use the keys; SM2 keys, whose
     * curve the JDK does not know, with Bouncy Castle's.
     */
    private static final class Converter {
      private final JcaPEMKeyConverter jdk = new JcaPEMKeyConverter();

      PrivateKey getPrivateKey(PrivateKeyInfo info) throws PEMException {
        return isSm2(info.getPrivateKeyAlgorithm())
            ? new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPrivateKey(info)
            : jdk.getPrivateKey(info);
      }

      KeyPair getKeyPair(PEMKeyPair pair) throws PEMException {
        return isSm2(pair.getPrivateKeyInfo().getPrivateKeyAlgorithm())
            ? new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getKeyPair(pair)
            : jdk.getKeyPair(pair);
      }

      PublicKey getPublicKey(SubjectPublicKeyInfo info) throws PEMException {
        return isSm2(info.getAlgorithm())
            ? new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPublicKey(info)
            : jdk.getPublicKey(info);
      }

      private static boolean isSm2(AlgorithmIdentifier algorithm) {
        return algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)
            && GMObjectIdentifiers.sm2p256v1.equals(algorithm.getParameters());
      }
    }

    private static String kind(Object object) {
      // Say what the block was without echoing any of its content.
      if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair) {
        return "a private key";
      }
      if (object instanceof SubjectPublicKeyInfo || object instanceof X509CertificateHolder) {
        return "a public key or certificate";
      }
      return object.getClass().getSimpleName();
    }

    private static IllegalArgumentException malformed(Exception e, String what) {
      // The cause is dropped on purpose: parser messages may quote pieces of the input.
      return new IllegalArgumentException("malformed " + what + " PEM (" + e.getClass().getSimpleName()
          + "); check the BEGIN/END lines and the Base64 between them");
    }
  }
}
