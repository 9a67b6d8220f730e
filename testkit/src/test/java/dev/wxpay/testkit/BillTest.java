package dev.wxpay.testkit;

import static dev.wxpay.testkit.WireAssertions.assertError;
import static dev.wxpay.testkit.WireAssertions.assertSignedBy;
import static dev.wxpay.testkit.WireAssertions.bodyOf;
import static dev.wxpay.testkit.WireAssertions.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BillTest {
  private static final String TRADE_BILL = "/v3/bill/tradebill";
  private static final byte[] CSV =
      "交易时间,公众账号ID,商户号\r\n`2024-01-01 10:00:00,`wx8888888888888888,`1900000001\r\n".repeat(50)
          .getBytes(StandardCharsets.UTF_8);

  // Package-private: the HTTPS subclass starts its own.
  static WechatPaySandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = TestKeys.sandbox().start();
    registerBills();
  }

  static void registerBills() {
    sandbox.bill(TRADE_BILL, CSV);
    sandbox.bill("/v3/bill/fundflowbill", SandboxBill.of(CSV).corrupted());
  }

  @AfterAll
  static void closeSandbox() {
    sandbox.close();
  }

  static String hex(String algorithm, byte[] bytes) throws Exception {
    MessageDigest digest = algorithm.equals("SM3") ? MessageDigest.getInstance("SM3", TestKeys.BC)
        : MessageDigest.getInstance("SHA-1");
    return HexFormat.of().formatHex(digest.digest(bytes));
  }

  /** Requests a bill and downloads it, as a merchant does; returns the bill answer and the download. */
  private static Map.Entry<Map<String, Object>, HttpResponse<byte[]>> fetch(WechatPaySandbox sandbox,
      String request, boolean sm2) throws Exception {
    MerchantRequest bill = MerchantRequest.to(sandbox).get(request);
    HttpResponse<byte[]> answer = (sm2 ? bill.sm2(TestKeys.MERCHANT_SM2.getPrivate()) : bill).send();
    assertEquals(200, answer.statusCode(), bodyOf(answer));
    Map<String, Object> json = TestJson.object(bodyOf(answer));
    URI url = URI.create((String) json.get("download_url"));
    assertEquals(sandbox.baseUri().getScheme(), url.getScheme());
    assertEquals(sandbox.baseUri().getAuthority(), url.getAuthority());
    assertEquals("/v3/billdownload/file", url.getRawPath());
    MerchantRequest download = MerchantRequest.to(sandbox).get(url.getRawPath() + "?" + url.getRawQuery());
    HttpResponse<byte[]> file = (sm2 ? download.sm2(TestKeys.MERCHANT_SM2.getPrivate()) : download).send();
    return Map.entry(json, file);
  }

  private static void assertUnsigned(HttpResponse<byte[]> response) {
    assertTrue(response.headers().map().keySet().stream().noneMatch(name -> name.toLowerCase().startsWith("wechatpay-")),
        response.headers().toString());
  }

  @Test
  void servesAPlainBillWhoseSha1Matches() throws Exception {
    var fetched = fetch(sandbox, TRADE_BILL + "?bill_date=2024-01-01&bill_type=ALL", false);
    assertEquals("SHA1", fetched.getKey().get("hash_type"));
    HttpResponse<byte[]> file = fetched.getValue();
    assertEquals(200, file.statusCode());
    assertArrayEquals(CSV, file.body());
    assertEquals(hex("SHA1", file.body()), fetched.getKey().get("hash_value"));
    assertUnsigned(file);
    assertTrue(header(file, "Content-Type").startsWith("text/plain"));
    assertTrue(sandbox.lastRequest().signatureValid(), "the download is authenticated like every request");
  }

  @Test
  void servesAGzipBillHashedOverTheUncompressedContent() throws Exception {
    var fetched = fetch(sandbox, TRADE_BILL + "?bill_date=2024-01-01&tar_type=GZIP", false);
    HttpResponse<byte[]> file = fetched.getValue();
    assertEquals("application/x-gzip", header(file, "Content-Type"));
    assertTrue(((String) fetched.getKey().get("download_url")).contains("&tartype=gzip"));
    byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(file.body())).readAllBytes();
    assertArrayEquals(CSV, unzipped);
    assertTrue(file.body().length < CSV.length);
    assertEquals(hex("SHA1", unzipped), fetched.getKey().get("hash_value"));
    assertUnsigned(file);
  }

  @Test
  void aCorruptedBillDoesNotMatchItsHash() throws Exception {
    for (String query : new String[] {"?bill_date=2024-01-01", "?bill_date=2024-01-01&tar_type=GZIP"}) {
      var fetched = fetch(sandbox, "/v3/bill/fundflowbill" + query, false);
      byte[] served = fetched.getValue().body();
      byte[] content = query.contains("GZIP")
          ? new GZIPInputStream(new ByteArrayInputStream(served)).readAllBytes() : served;
      assertEquals(CSV.length, content.length);
      assertNotEquals(hex("SHA1", content), fetched.getKey().get("hash_value"));
      assertEquals(hex("SHA1", CSV), fetched.getKey().get("hash_value"));
    }
  }

  @Test
  void theBillRequestIsSignedAndTheDownloadNeedsAuthorization() throws Exception {
    HttpResponse<byte[]> answer = MerchantRequest.to(sandbox).get(TRADE_BILL + "?bill_date=2024-01-01").send();
    assertSignedBy(sandbox, answer);
    URI url = URI.create((String) TestJson.object(bodyOf(answer)).get("download_url"));
    HttpResponse<byte[]> anonymous =
        MerchantRequest.to(sandbox).get(url.getRawPath() + "?" + url.getRawQuery()).authorization("none").send();
    assertError(anonymous, 401, "SIGN_ERROR", "scheme");
    assertError(MerchantRequest.to(sandbox).get("/v3/billdownload/file?token=nope").send(), 400, "PARAM_ERROR",
        "token \\\"nope\\\" is unknown");
    assertError(MerchantRequest.to(sandbox).get("/v3/billdownload/file").send(), 400, "PARAM_ERROR", "no token");
  }

  @Test
  void sm2BillsUseSm3UnlessToldOtherwise() throws Exception {
    try (WechatPaySandbox sm2 = TestKeys.sm2Sandbox().start()) {
      sm2.bill(TRADE_BILL, CSV);
      sm2.bill("/v3/bill/sha1", SandboxBill.of(new String(CSV, StandardCharsets.UTF_8)).hashType("SHA1"));
      var fetched = fetch(sm2, TRADE_BILL + "?bill_date=2024-01-01", true);
      assertEquals("SM3", fetched.getKey().get("hash_type"));
      assertEquals(hex("SM3", fetched.getValue().body()), fetched.getKey().get("hash_value"));
      var sha1 = fetch(sm2, "/v3/bill/sha1?bill_date=2024-01-01", true);
      assertEquals("SHA1", sha1.getKey().get("hash_type"));
      assertEquals(hex("SHA1", CSV), sha1.getKey().get("hash_value"));
      sm2.clearBills();
      HttpResponse<byte[]> gone =
          MerchantRequest.to(sm2).get(TRADE_BILL).sm2(TestKeys.MERCHANT_SM2.getPrivate()).send();
      assertEquals(404, gone.statusCode());
    }
    assertThrows(IllegalArgumentException.class, () -> SandboxBill.of(CSV).hashType("MD5"));
    assertFalse(SandboxBill.of(CSV).isCorrupted());
  }
}
