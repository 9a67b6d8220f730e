package dev.wxpay.runtime.internal.crypto;

import static dev.wxpay.runtime.TestKeys.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wxpay.runtime.TestKeys;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sm3Test {
  @Test
  void abcMatchesTheStandardVector() {
    // GB/T 32905-2016, example 1.
    assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
        HexFormat.of().formatHex(Sm3.digest(utf8("abc"))));
  }

  @Test
  void sixtyFourBytesMatchTheStandardVector() {
    // GB/T 32905-2016, example 2: "abcd" repeated 16 times, two compression blocks.
    assertEquals("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
        HexFormat.of().formatHex(Sm3.digest(utf8("abcd".repeat(16)))));
  }

  @Test
  void agreesWithTheBouncyCastleProvider() throws Exception {
    byte[] data = utf8("微信支付 APIv3");
    assertArrayEquals(MessageDigest.getInstance("SM3", TestKeys.BC).digest(data), Sm3.digest(data));
  }
}
