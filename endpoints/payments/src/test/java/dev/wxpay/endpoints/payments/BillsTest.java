package dev.wxpay.endpoints.payments;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.endpoints.v3.bill.BillTarType;
import dev.wxpay.endpoints.v3.bill.Tradebill;
import dev.wxpay.endpoints.v3.bill.TradebillQuery;
import dev.wxpay.endpoints.v3.bill.TradebillResponse;
import dev.wxpay.endpoints.v3.billdownload.File;
import dev.wxpay.runtime.BillLocation;
import dev.wxpay.runtime.ValidationException;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.SandboxAlgorithm;
import dev.wxpay.testkit.SandboxBill;
import dev.wxpay.testkit.WechatPaySandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated bill endpoints: a signed bill answer locates an unsigned file that must match its hash. */
class BillsTest {
  @ParameterizedTest
  @CsvSource({"RSA,false", "RSA,true", "SM2,false", "SM2,true"})
  void billsDownloadAndMatchTheirHash(SandboxAlgorithm algorithm, boolean gzip, @TempDir Path folder)
      throws IOException {
    try (WechatPaySandbox sandbox = WechatPaySandbox.builder().algorithm(algorithm).start();
        WechatPay wxpay = sandbox.client()) {
      String content = "交易时间,公众账号ID,商户号\n`2026-11-21 10:00:00,`wx2421b1c4370ec43b,`1900000001\n";
      sandbox.bill("/v3/bill/tradebill", SandboxBill.of(content)
          .hashType(algorithm == SandboxAlgorithm.SM2 ? "SM3" : "SHA1"));

      TradebillResponse bill = wxpay.create(Tradebill.class)
          .get(new TradebillQuery("2026-11-21", null, null, gzip ? BillTarType.GZIP : null));
      assertInstanceOf(BillLocation.class, bill);
      assertEquals(gzip ? "gzip" : null, bill.downloadTarType());
      byte[] downloaded = wxpay.create(File.class).get(bill).bytes();
      assertEquals("*/*", sandbox.lastRequest().header("Accept"));
      assertEquals(content, new String(downloaded, UTF_8));

      Path file = folder.resolve("bill.csv");
      wxpay.create(File.class).getAsync(bill).join().saveTo(file);
      assertEquals(content, Files.readString(file, UTF_8));
    }
  }

  @Test
  void aCorruptedBillFailsItsHashAndIsNotSaved(@TempDir Path folder) {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start(); WechatPay wxpay = sandbox.client()) {
      sandbox.bill("/v3/bill/tradebill", SandboxBill.of("a,b,c\n1,2,3\n").corrupted());
      TradebillResponse bill = wxpay.create(Tradebill.class)
          .get(new TradebillQuery("2026-11-21", null, null, null));
      File download = wxpay.create(File.class);

      ValidationException e = assertThrows(ValidationException.class, () -> download.get(bill).bytes());
      assertEquals(ValidationException.Reason.HASH_MISMATCH, e.reason());
      Path file = folder.resolve("bill.csv");
      assertThrows(ValidationException.class, () -> download.get(bill).saveTo(file));
      assertFalse(Files.exists(file));
      assertEquals(0, folder.toFile().list().length, "no temporary file is left behind");
    }
  }

  @Test
  void aBillAnswerWithoutHashOrTokenSaysSo() {
    TradebillResponse noHash = new TradebillResponse(null, null, "https://api.mch.weixin.qq.com/v3/billdownload/file");
    assertTrue(assertThrows(IllegalStateException.class, noHash::hash).getMessage().contains("hash"));
    assertTrue(assertThrows(IllegalStateException.class, noHash::downloadToken).getMessage().contains("token"));
    TradebillResponse plus = new TradebillResponse("SHA1", "ab12",
        "https://api.mch.weixin.qq.com/v3/billdownload/file?token=a+b%2Fc&tartype=gzip");
    assertEquals("a+b/c", plus.downloadToken());
    assertEquals("gzip", plus.downloadTarType());
  }
}
