package dev.wxpay.runtime.http;

import dev.wxpay.runtime.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP/1.1 answers as WeChat Pay writes them, signed with {@link TestKeys#WECHATPAY} under the id
 * {@link #KEY_ID}, the way a client built with that public key verifies them.
 */
public final class Answers {
  public static final String KEY_ID = "PUB_KEY_ID_0119000000012025";

  private Answers() {}

  /** A signed answer with a JSON body (or none, when {@code json} is empty). */
  public static byte[] signed(int status, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    byte[] nonceBytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonceBytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
    byte[] head = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, message, 0, head.length);
    System.arraycopy(body, 0, message, head.length, body.length);
    message[message.length - 1] = '\n';
    String signature = TestKeys.sign(TestKeys.WECHATPAY.getPrivate(), message);
    return answer(status, "Content-Type: application/json\r\n"
        + "Request-ID: 08F78BB5AF0610D3D7BD0B2C3A8B2E15\r\n"
        + "Wechatpay-Timestamp: " + timestamp + "\r\n"
        + "Wechatpay-Nonce: " + nonce + "\r\n"
        + "Wechatpay-Signature: " + signature + "\r\n"
        + "Wechatpay-Serial: " + KEY_ID + "\r\n", body);
  }

  /** An answer with the given header lines (each ending in CRLF) and body; Content-Length is added. */
  public static byte[] answer(int status, String headerLines, byte[] body) {
    byte[] head = ("HTTP/1.1 " + status + " " + reason(status) + "\r\n" + headerLines
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + body.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      default -> "Status";
    };
  }
}
