package dev.wxpay.runtime;

import static dev.wxpay.runtime.TestKeys.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wxpay.runtime.http.HttpTransport;
import dev.wxpay.runtime.http.TransportRequest;
import dev.wxpay.runtime.http.TransportResponse;
import dev.wxpay.runtime.spi.Call;
import dev.wxpay.runtime.spi.JsonAdapters;
import dev.wxpay.runtime.spi.Operation;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An RSA provider chosen on the builder signs and verifies everything, without being installed in the JVM.
 * A counting provider wraps the real one, so the test sees it used; the signatures are checked with the
 * JDK's own provider, an independent implementation.
 */
class RsaProviderTest {
  private static final String KEY_ID = "PUB_KEY_ID_0119000000012025";
  private static final Pattern AUTHORIZATION = Pattern.compile(
      ".* mchid=\"1900000001\",nonce_str=\"([A-Za-z0-9]{32})\",timestamp=\"(\\d+)\",serial_no=\"SERIAL\","
          + "signature=\"([A-Za-z0-9+/=]+)\"");

  /** A provider whose SHA256withRSA delegates to another provider's and counts signatures and checks. */
  static final class Counting extends Provider {
    private static final long serialVersionUID = 1L;
    final AtomicInteger signed = new AtomicInteger();
    final AtomicInteger verified = new AtomicInteger();

    Counting(Provider delegate) {
      super("Counting-" + delegate.getName(), "1", "counts " + delegate.getName());
      putService(new Service(this, "Signature", "SHA256withRSA", CountingSpi.class.getName(), null, null) {
        @Override
        public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
          return new CountingSpi(Signature.getInstance("SHA256withRSA", delegate), signed, verified);
        }
      });
    }
  }

  static final class CountingSpi extends SignatureSpi {
    private final Signature delegate;
    private final AtomicInteger signed;
    private final AtomicInteger verified;

    CountingSpi(Signature delegate, AtomicInteger signed, AtomicInteger verified) {
      this.delegate = delegate;
      this.signed = signed;
      this.verified = verified;
    }

    @Override
    protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
      delegate.initVerify(key);
    }

    @Override
    protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
      delegate.initSign(key);
    }

    @Override
    protected void engineUpdate(byte b) throws SignatureException {
      delegate.update(b);
    }

    @Override
    protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
      delegate.update(b, off, len);
    }

    @Override
    protected byte[] engineSign() throws SignatureException {
      signed.incrementAndGet();
      return delegate.sign();
    }

    @Override
    protected boolean engineVerify(byte[] signature) throws SignatureException {
      verified.incrementAndGet();
      return delegate.verify(signature);
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) throws InvalidParameterException {
      throw new InvalidParameterException("no parameters");
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) throws InvalidParameterException {
      throw new InvalidParameterException("no parameters");
    }
  }

  /** Answers every request with a JSON string signed by WeChat Pay's key, and keeps the last request. */
  static final class SignedAnswers implements HttpTransport {
    volatile TransportRequest last;

    @Override
    public TransportResponse send(TransportRequest request) {
      last = request;
      byte[] body = utf8("\"ok\"");
      String timestamp = Long.toString(Instant.now().getEpochSecond());
      String signature = TestKeys.sign(TestKeys.WECHATPAY.getPrivate(), utf8(timestamp + "\nn0nce\n\"ok\"\n"));
      Map<String, String> headers = Map.of("wechatpay-timestamp", timestamp, "wechatpay-nonce", "n0nce",
          "wechatpay-signature", signature, "wechatpay-serial", KEY_ID);
      return TransportResponse.of(200, name -> headers.get(name.toLowerCase(Locale.ROOT)), body);
    }

    @Override
    public CompletableFuture<TransportResponse> sendAsync(TransportRequest request) {
      return CompletableFuture.completedFuture(send(request));
    }
  }

  private static void signsAndVerifiesWith(Provider rsa) {
    Counting counting = new Counting(rsa);
    SignedAnswers transport = new SignedAnswers();
    WechatPay wxpay = WechatPay.builder()
        .merchant("1900000001", "SERIAL", TestKeys.MERCHANT.getPrivate())
        .wechatpayPublicKey(KEY_ID, TestKeys.WECHATPAY.getPublic())
        .rsaProvider(counting)
        .transport(transport)
        .build();
    assertEquals(0, counting.signed.get(), "build() only checks that the key can sign");

    Call<String> call = Operation.of("POST", "v3/x", JsonAdapters.STRING).call().body("腾讯", JsonAdapters.STRING).build();
    assertEquals("ok", wxpay.create(TestEndpoint.class).caller().execute(call));
    assertEquals(1, counting.signed.get());
    assertEquals(1, counting.verified.get());

    Matcher m = AUTHORIZATION.matcher(transport.last.header("Authorization"));
    assertTrue(m.matches(), transport.last.header("Authorization"));
    String message = "POST\n/v3/x\n" + m.group(2) + "\n" + m.group(1) + "\n\"腾讯\"\n";
    assertTrue(TestKeys.verify(TestKeys.MERCHANT.getPublic(), utf8(message), m.group(3)));

    wxpay.payments().jsapi("wxd678efh567hg6787", "wx201410272009395522657a690389285100");
    assertEquals(2, counting.signed.get());
  }

  @Test
  void aProviderOnTheBuilderSignsAndVerifiesEverything() {
    signsAndVerifiesWith(java.security.Security.getProvider("SunRsaSign"));
  }

  /**
   * Amazon Corretto Crypto Provider, a native provider, on the test class path of Linux x86-64 builds (see the
   * pom). Its signatures are checked by the JDK, and it checks the JDK's.
   */
  @Test
  void amazonCorrettoCryptoProviderWorksWithoutBeingInstalled() throws Exception {
    boolean linuxX64 = System.getProperty("os.name").equals("Linux")
        && System.getProperty("os.arch").equals("amd64");
    Class<?> accp;
    try {
      accp = Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider");
    } catch (ClassNotFoundException e) {
      assertTrue(!linuxX64, "the pom puts ACCP on the test class path of Linux x86-64 builds");
      assumeTrue(false, "ACCP ships native code for this platform only in other jars");
      return;
    }
    Provider provider = (Provider) accp.getField("INSTANCE").get(null);
    Throwable loading = (Throwable) accp.getMethod("getLoadingError").invoke(provider);
    assertEquals(null, loading);
    signsAndVerifiesWith(provider);
    assertEquals(null, java.security.Security.getProvider(provider.getName()), "not installed globally");
  }

  @Test
  void aProviderWithoutRsaSignaturesIsRefusedAtBuild() {
    Provider none = new Provider("Empty", "1", "nothing") {
      private static final long serialVersionUID = 1L;
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WechatPay.builder()
        .merchant("1900000001", "SERIAL", TestKeys.MERCHANT.getPrivate())
        .wechatpayPublicKey(KEY_ID, TestKeys.WECHATPAY.getPublic())
        .rsaProvider(none)
        .build());
    assertTrue(e.getMessage().contains("with provider Empty"), e.getMessage());
  }

  @Test
  void sm2MerchantsRefuseAnRsaProvider() {
    var sm2 = TestKeys.sm2();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WechatPay.builder()
        .merchant("1900000001", "SERIAL", sm2.getPrivate())
        .wechatpayPublicKey(KEY_ID, TestKeys.sm2().getPublic())
        .rsaProvider(java.security.Security.getProvider("SunRsaSign"))
        .build());
    assertTrue(e.getMessage().contains("always use Bouncy Castle"), e.getMessage());
  }
}
