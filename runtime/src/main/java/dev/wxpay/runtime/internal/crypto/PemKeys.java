package dev.wxpay.runtime.internal.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
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
 * <p>Error messages name what was expected and what was found, never the PEM text itself.
 */
public final class PemKeys {
  private PemKeys() {}

  /**
   * Reads an unencrypted private key: PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1
   * ({@code BEGIN RSA PRIVATE KEY}). Other PEM blocks before the key (e.g. a certificate) are skipped.
   *
   * @throws IllegalArgumentException if the text holds no readable private key
   */
  public static PrivateKey privateKey(String pem) {
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

  /**
   * Reads a public key: an X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}) or the key of an X.509
   * certificate ({@code BEGIN CERTIFICATE}). The certificate's validity is not checked.
   *
   * @throws IllegalArgumentException if the text holds no readable public key
   */
  public static PublicKey publicKey(String pem) {
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

  /**
   * Reads an X.509 certificate ({@code BEGIN CERTIFICATE}), RSA or SM2. Its validity is not checked.
   *
   * @throws IllegalArgumentException if the text holds no readable certificate
   */
  public static X509Certificate certificate(String pem) {
    @Nullable String skipped = null;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof X509CertificateHolder holder) {
          // Bouncy Castle's certificate objects hand out SM2 keys the JDK cannot build.
          return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(holder);
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
