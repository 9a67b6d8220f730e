package dev.wxpay.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.runtime.spi.UploadFile;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The bytes of an upload's meta part, which the request signature covers and WeChat Pay parses. */
class MultipartTest {
  private static final byte[] CONTENT = {1, 2, 3};

  @Test
  void metaIsCompactJsonWithTheFileNameEscaped() throws Exception {
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CONTENT));
    Multipart multipart = Multipart.of(Upload.of("图\\片\té\u2028.png", "image/png", CONTENT), "NONCE");

    // Backslash and tab escaped, U+2028 too (JavaScript reads it as a line break), other text as UTF-8.
    assertArrayEquals(("{\"filename\":\"图\\\\片\\té\\u2028.png\",\"sha256\":\"" + sha256 + "\"}").getBytes(UTF_8),
        multipart.meta());
  }

  @Test
  void theMetaPartSentIsTheOneSigned() {
    Multipart multipart = Multipart.of(Upload.of("logo.png", CONTENT), "NONCE");
    String body = new String(multipart.body(), UTF_8);
    String meta = new String(multipart.meta(), UTF_8);
    assertTrue(body.startsWith("--wxpay-NONCE\r\nContent-Disposition: form-data; name=\"meta\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + meta + "\r\n--wxpay-NONCE\r\n"), body);
    assertEquals("multipart/form-data; boundary=wxpay-NONCE", multipart.contentType());
    byte[] end = Arrays.copyOfRange(multipart.body(), multipart.body().length - 20, multipart.body().length);
    assertEquals("\u0003\r\n--wxpay-NONCE--\r\n", new String(end, UTF_8));
  }

  @Test
  void fileNamesThatWouldBreakThePartHeadersAreRejected() {
    for (String name : new String[] {"", "a\"b.png", "a\r.png", "a\n.png"}) {
      assertThrows(IllegalArgumentException.class, () -> Upload.of(name, CONTENT), name);
    }
  }

  @Test
  void anUploadFileFromElsewhereCannotEndAPartHeader() {
    for (String[] bad : new String[][] {{"a\r\nX-Injected: 1", "image/png"}, {"a\".png", "image/png"},
        {"", "image/png"}, {"a.png", "image/png\r\nX-Injected: 1"}}) {
      UploadFile file = new UploadFile() {
        @Override public String filename() { return bad[0]; }
        @Override public String contentType() { return bad[1]; }
        @Override public ByteBuffer contentBuffer() { return ByteBuffer.wrap(CONTENT); }
      };
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Multipart.of(file, "NONCE"));
      assertFalse(e.getMessage().contains("Injected"), e.getMessage());
    }
  }
}
