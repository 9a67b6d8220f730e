package dev.wxpay.samples;

import com.sun.net.httpserver.HttpServer;
import dev.wxpay.runtime.Notification;
import dev.wxpay.runtime.NotificationParser;
import dev.wxpay.runtime.ValidationException;
import dev.wxpay.runtime.WechatPay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Consumer;

/** The callback handler of the README: WeChat Pay's notifications, checked and decrypted. */
final class CallbackHandler implements AutoCloseable {
  private final HttpServer server;

  /**
   * Starts a handler on a free loopback port; {@code shop} gets each verified notification (it may come
   * twice: be idempotent) and answers by returning, or by throwing to have WeChat Pay deliver it again.
   */
  CallbackHandler(WechatPay wxpay, Consumer<Notification> shop) throws IOException {
    NotificationParser notifications = wxpay.notifications();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/wxpay/notify", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes(); // the raw bytes: the signature covers them
      int status;
      try {
        shop.accept(notifications.parse(exchange.getRequestHeaders()::getFirst, body));
        status = 204;
      } catch (ValidationException e) { // bad signature, skew, unknown serial; SignatureProbeException too
        status = 401;
      } catch (RuntimeException e) { // our own failure: WeChat Pay will deliver again
        status = 500;
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wxpay/notify");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
