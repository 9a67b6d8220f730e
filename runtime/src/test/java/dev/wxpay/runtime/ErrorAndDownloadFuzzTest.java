package dev.wxpay.runtime;

import static dev.wxpay.runtime.Fuzz.documented;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile 4xx/5xx bodies into {@link ServiceErrors} (documented: always a {@link ServiceException}, also for
 * bodies that are not JSON), and hostile bill downloads into {@link Download} (documented:
 * {@link ValidationException} for a hash mismatch, {@link TransportException} for a body that cannot be
 * read, e.g. broken gzip).
 */
class ErrorAndDownloadFuzzTest {
  private static final String ERROR = "{\"code\":\"PARAM_ERROR\",\"message\":\"参数错误\","
      + "\"detail\":{\"field\":\"/amount/total\",\"value\":0,\"issue\":\"must be positive\",\"location\":\"body\"}}";

  @Test
  void serviceErrorBodies() {
    Fuzz.forAllBytes("ServiceErrors", 2000, r -> JsonFuzzTest.json(r, ERROR), body -> {
      ServiceException e = ServiceErrors.parse(400, body, "08F78BB5AF0610D3D7BD0B2C3A8B2E15");
      assertEquals(400, e.statusCode());
      assertEquals("08F78BB5AF0610D3D7BD0B2C3A8B2E15", e.requestId());
    }, documented());
  }

  private static final byte[] BILL = ("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号\n"
      + "`2018-12-05 10:29:38,`wx2421b1c4370ec43b,`10000100,`0,`,`4200000201201812053434233467,`1217752501201407033233368018\n")
      .repeat(20).getBytes(StandardCharsets.UTF_8);
  private static final byte[] GZIPPED = gzip(BILL);

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  static byte[] download(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> FuzzInputs.mutate(random, BILL);
      case 1 -> FuzzInputs.randomBytes(random);
      default -> FuzzInputs.mutate(random, GZIPPED); // altered gzip: header, deflate stream, trailer
    };
  }

  @Test
  void billDownloads() throws Exception {
    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(BILL));
    Fuzz.forAllBytes("Download", 2000, ErrorAndDownloadFuzzTest::download, body -> {
      byte[] content = new Download(new ByteArrayInputStream(body), new DownloadHash("SHA1", sha1), "a bill").bytes();
      assertArrayEquals(BILL, content);
    }, documented(ValidationException.class, TransportException.class));
  }
}
