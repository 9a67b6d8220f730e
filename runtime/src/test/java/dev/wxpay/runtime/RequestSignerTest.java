package dev.wxpay.runtime;

import static dev.wxpay.runtime.TestKeys.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequestSignerTest {
  private static final Pattern HEADER = Pattern.compile(
      "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000001\",nonce_str=\"([A-Za-z0-9]{32})\",timestamp=\"(\\d+)\","
          + "serial_no=\"5157F09EFDC096DE15EBE81A47057A72\",signature=\"([A-Za-z0-9+/]+={0,2})\"");

  private final RequestSigner signer = new RequestSigner(
      "1900000001", "5157F09EFDC096DE15EBE81A47057A72", TestKeys.MERCHANT.getPrivate(), new SecureRandom(), null);

  @Test
  void authorizationHeaderHasTheDocumentedFormatAndVerifiesWithTheJdk() {
    String nonce = "593BEC0C930BF1AFEB40B4A08C8FB242";
    String body = "{\"mchid\":\"1900000001\",\"description\":\"腾讯充值中心-QQ会员充值\"}";
    String header = signer.authorization(
        "POST", "/v3/pay/transactions/native?lang=zh", 1554208460L, nonce, utf8(body));

    Matcher m = HEADER.matcher(header);
    assertTrue(m.matches(), header);
    assertEquals(nonce, m.group(1));
    assertEquals("1554208460", m.group(2));
    String expectedMessage =
        "POST\n/v3/pay/transactions/native?lang=zh\n1554208460\n" + nonce + "\n" + body + "\n";
    assertTrue(TestKeys.verify(TestKeys.MERCHANT.getPublic(), utf8(expectedMessage), m.group(3)));
    // Any other message must not verify: the signature covers the URL.
    assertTrue(!TestKeys.verify(TestKeys.MERCHANT.getPublic(),
        utf8(expectedMessage.replace("lang=zh", "lang=en")), m.group(3)));
  }

  @Test
  void messageWithoutBodyEndsWithEmptyBodyLine() {
    byte[] message = RequestSigner.message("GET", "/v3/certificates", 1554208460L, "abc", new byte[0]);
    assertArrayEquals(utf8("GET\n/v3/certificates\n1554208460\nabc\n\n"), message);

    String header = signer.authorization("GET", "/v3/certificates", 1554208460L, "abc", new byte[0]);
    String signature = header.substring(header.indexOf("signature=\"") + 11, header.length() - 1);
    assertTrue(TestKeys.verify(TestKeys.MERCHANT.getPublic(), message, signature));
  }

  @Test
  void bodyIsSignedAsUtf8Bytes() {
    byte[] body = utf8("{\"a\":\"中文\"}");
    byte[] message = RequestSigner.message("POST", "/v3/x", 1L, "n", body);
    assertArrayEquals(utf8("POST\n/v3/x\n1\nn\n{\"a\":\"中文\"}\n"), message);
  }

  @Test
  void noncesAreThirtyTwoAlphanumericsAndFresh() {
    String a = signer.nonce();
    String b = signer.nonce();
    assertTrue(a.matches("[A-Za-z0-9]{32}"), a);
    assertTrue(b.matches("[A-Za-z0-9]{32}"), b);
    assertNotEquals(a, b);
  }
}
