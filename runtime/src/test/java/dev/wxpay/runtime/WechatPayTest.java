package dev.wxpay.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WechatPayTest {
  private static final String KEY_ID = "PUB_KEY_ID_0119000000012025";

  private static WechatPay.Builder complete() {
    return WechatPay.builder()
        .merchant("1900000001", "5157F09EFDC096DE15EBE81A47057A72", TestKeys.MERCHANT.getPrivate())
        .wechatpayPublicKey(KEY_ID, TestKeys.WECHATPAY.getPublic());
  }

  @Test
  void defaultsToProductionBaseUri() {
    assertEquals(URI.create("https://api.mch.weixin.qq.com/"), complete().build().baseUri());
  }

  @Test
  void defaultsToProductionHongKongBaseUriWhateverTheMainlandBase() {
    assertEquals(URI.create("https://apihk.mch.weixin.qq.com/"), complete().build().hongKongBaseUri());
    assertEquals(URI.create("https://apihk.mch.weixin.qq.com/"),
        complete().baseUri(URI.create("http://127.0.0.1:8080/")).build().hongKongBaseUri());
  }

  @Test
  void acceptsPemKeys() {
    WechatPay wxpay = WechatPay.builder()
        .merchant("1900000001", "SERIAL", TestKeys.pem("PRIVATE KEY", TestKeys.MERCHANT.getPrivate().getEncoded()))
        .wechatpayPublicKey(KEY_ID, TestKeys.pem("PUBLIC KEY", TestKeys.WECHATPAY.getPublic().getEncoded()))
        .build();
    assertEquals("1900000001", wxpay.mchid());
  }

  @Test
  void missingMerchantFails() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> WechatPay.builder().wechatpayPublicKey(KEY_ID, TestKeys.WECHATPAY.getPublic()).build());
    assertTrue(e.getMessage().contains("merchant"), e.getMessage());
  }

  @Test
  void missingPublicKeyFails() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> WechatPay.builder()
        .merchant("1900000001", "SERIAL", TestKeys.MERCHANT.getPrivate()).build());
    assertTrue(e.getMessage().contains("no WeChat Pay key to verify responses with"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "19000\r\n00001", "1900000001\n", "1900\r", "19\"00"})
  void badMchidFails(String mchid) {
    assertThrows(IllegalArgumentException.class, () -> complete()
        .merchant(mchid, "SERIAL", TestKeys.MERCHANT.getPrivate()).build());
  }

  @Test
  void crLfInSerialOrKeyIdFails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> complete()
        .merchant("1900000001", "SERIAL\r\nX-Evil: 1", TestKeys.MERCHANT.getPrivate()).build());
    assertTrue(e.getMessage().contains("CR or LF"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> complete()
        .wechatpayPublicKey("PUB\n", TestKeys.WECHATPAY.getPublic()).build());
    assertThrows(IllegalArgumentException.class, () -> complete()
        .wechatpayPublicKey("", TestKeys.WECHATPAY.getPublic()).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://api.mch.weixin.qq.com/", "http://10.0.0.1/", "http://128.0.0.1/", "http://127.0.0.1.evil.com/",
      "http://localhost.evil.com/", "http://[::2]/", "http://999.0.0.1/", "ftp://127.0.0.1/",
      "https://api.mch.weixin.qq.com/?a=b", "https://user@api.mch.weixin.qq.com/", "/v3/relative",
  })
  void nonHttpsOrOddBaseUrisAreRejected(String uri) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> complete().baseUri(URI.create(uri)).build());
    assertTrue(e.getMessage().startsWith("baseUri "), e.getMessage());
    // The Hong Kong base follows the same rules, and the error names that setting.
    IllegalArgumentException hongKong = assertThrows(IllegalArgumentException.class,
        () -> complete().hongKongBaseUri(URI.create(uri)).build());
    assertTrue(hongKong.getMessage().startsWith("hongKongBaseUri "), hongKong.getMessage());
    IllegalArgumentException backup = assertThrows(IllegalArgumentException.class,
        () -> complete().backupBaseUri(URI.create(uri)).build());
    assertTrue(backup.getMessage().startsWith("backupBaseUri "), backup.getMessage());
  }

  @Test
  void hongKongBaseUriMustNotBeNull() {
    assertThrows(NullPointerException.class, () -> complete().hongKongBaseUri(null));
  }

  @ParameterizedTest
  @CsvSource({
      "http://127.0.0.1:8080, http://127.0.0.1:8080/",
      "http://127.0.0.1:8080/prefix, http://127.0.0.1:8080/prefix/",
      "http://127.1.2.3/, http://127.1.2.3/",
      "http://localhost:9/a/, http://localhost:9/a/",
      "http://LOCALHOST:9, http://LOCALHOST:9/",
      "http://[::1]:8443, http://[::1]:8443/",
      "https://sandbox.example.com/base, https://sandbox.example.com/base/",
      "HTTPS://api.mch.weixin.qq.com, https://api.mch.weixin.qq.com/",
  })
  void loopbackHttpAndHttpsAreAcceptedAndNormalised(String uri, String normalised) {
    assertEquals(URI.create(normalised), complete().baseUri(URI.create(uri)).build().baseUri());
    WechatPay hongKong = complete().hongKongBaseUri(URI.create(uri)).build();
    assertEquals(URI.create(normalised), hongKong.hongKongBaseUri());
    assertEquals(WechatPay.DEFAULT_BASE_URI, hongKong.baseUri());
  }

  @Test
  void nonPositiveTimeoutsFail() {
    assertThrows(IllegalArgumentException.class, () -> complete().requestTimeout(Duration.ZERO).build());
    assertThrows(IllegalArgumentException.class, () -> complete().connectTimeout(Duration.ofSeconds(-1)).build());
  }

  @Test
  void toStringShowsIdentityButNoKey() {
    String text = complete().baseUri(URI.create("http://127.0.0.1:1/"))
        .hongKongBaseUri(URI.create("http://127.0.0.1:2/")).build().toString();
    assertTrue(text.contains("1900000001"), text);
    assertTrue(text.contains("5157F09EFDC096DE15EBE81A47057A72"), text);
    assertTrue(text.contains("http://127.0.0.1:1/"), text);
    assertTrue(text.contains("http://127.0.0.1:2/"), text);
    for (String fragment : TestKeys.fragments(TestKeys.MERCHANT.getPrivate().getEncoded())) {
      assertFalse(text.contains(fragment), text);
    }
  }

  @Test
  void createFindsTheRegisteredFactoryAndCachesTheClient() {
    WechatPay wxpay = complete().build();
    TestEndpoint client = wxpay.create(TestEndpoint.class);
    assertSame(client, wxpay.create(TestEndpoint.class));
    assertTrue(client.caller() instanceof Pipeline);

    WechatPay other = complete().build();
    assertNotSame(client, other.create(TestEndpoint.class));
    assertNotSame(client.caller(), other.create(TestEndpoint.class).caller());
  }

  /** Not an endpoint: nothing generated it. */
  interface Unregistered {}

  /** A nested endpoint: its client joins the simple names, WechatPayTestNestedClient. */
  public interface Nested extends TestEndpoint {}

  /** Has a class under its client's name that does not implement it. */
  public interface Impostor {}

  @Test
  void nestedInterfacesFindTheirClientByTheSharedNamingRule() {
    WechatPay wxpay = complete().build();
    assertInstanceOf(WechatPayTestNestedClient.class, wxpay.create(Nested.class));
  }

  @Test
  void onlyInterfacesHaveClients() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> complete().build().create(String.class));
    assertEquals("java.lang.String is not an @Endpoint interface", e.getMessage());
  }

  @Test
  void aClassUnderTheClientNameThatDoesNotImplementTheInterfaceIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> complete().build().create(Impostor.class));
    assertEquals("dev.wxpay.runtime.WechatPayTestImpostorClient is not the generated client of"
        + " dev.wxpay.runtime.WechatPayTest$Impostor", e.getMessage());
  }

  @Test
  void createOfUnknownTypeExplainsWhatIsMissing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> complete().build().create(Unregistered.class));
    assertEquals("no generated client for dev.wxpay.runtime.WechatPayTest$Unregistered; is wxpay-processor on the"
        + " annotation processor path and dev.wxpay.runtime.WechatPayTest$Unregistered annotated with @Endpoint?",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a7cde1ZJB1kG2e7VfTs3jQzaWizur8G", "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gbx",
      "a7cde1ZJB1kG2e7VfTs3jQzaWizur8G中"})
  void apiV3KeyMustBe32Bytes(String key) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> complete().apiV3Key(key));
    assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    assertFalse(e.getMessage().contains(key), "the key is not echoed");
    assertThrows(IllegalArgumentException.class, () -> complete().platformCertificates(key));
  }

  @Test
  void notificationsNeedTheApiV3Key() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> complete().build().notifications());
    assertTrue(e.getMessage().contains("APIv3 key"), e.getMessage());
    complete().apiV3Key("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb").build().notifications();
  }


  /** A transport that only counts how often it was closed. */
  private static final class ClosableTransport implements dev.wxpay.runtime.http.HttpTransport {
    int closed;

    @Override
    public dev.wxpay.runtime.http.TransportResponse send(dev.wxpay.runtime.http.TransportRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.concurrent.CompletableFuture<dev.wxpay.runtime.http.TransportResponse> sendAsync(
        dev.wxpay.runtime.http.TransportRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      closed++;
    }
  }

  @Test
  void aGivenTransportStaysOpenWhenTheInstanceCloses() {
    ClosableTransport transport = new ClosableTransport();
    complete().transport(transport).build().close();
    assertEquals(0, transport.closed);
  }

  @Test
  void aConnectTimeoutWithAGivenTransportIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> complete().transport(new ClosableTransport()).connectTimeout(Duration.ofSeconds(3)).build());
    assertTrue(e.getMessage().contains("connectTimeout configures the default transport only"), e.getMessage());
  }
}
