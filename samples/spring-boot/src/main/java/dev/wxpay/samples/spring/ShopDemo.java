package dev.wxpay.samples.spring;

import dev.wxpay.testkit.SandboxNotification;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import dev.wxpay.testkit.spring.SandboxProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the shop against a sandbox standing in for WeChat Pay, and takes a JSAPI payment end to end: the
 * order, the payment page's parameters, WeChat Pay's notification (answered 204), a forged one and a
 * signature probe (answered 401), and the order's state. Run it with
 * {@code mvn -q -DskipTests -pl samples/spring-boot -am package exec:java}.
 */
public final class ShopDemo {

  private ShopDemo() {}

  public static void main(String[] args) throws Exception {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start()) {
      sandbox.stub("POST", "/v3/pay/transactions/jsapi",
          StubResponse.json("{\"prepay_id\":\"wx201410272009395522657a690389285100\"}"));
      // As command-line arguments, which come before application.yml: the sandbox's keys and address.
      Map<String, String> properties = new LinkedHashMap<>(SandboxProperties.of(sandbox, "wxpay."));
      properties.put("server.port", "0");
      properties.put("spring.main.banner-mode", "off");
      properties.put("logging.level.root", "warn");
      properties.put("logging.level.dev.wxpay", "info");
      String[] arguments = properties.entrySet().stream()
          .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
      try (ConfigurableApplicationContext shop =
          new SpringApplicationBuilder(ShopApplication.class).run(arguments)) {
        String base = "http://127.0.0.1:" + shop.getEnvironment().getProperty("local.server.port");
        run(sandbox, base);
      }
    }
  }

  static void run(WechatPaySandbox sandbox, String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();

    // 1. The page places an order: the shop asks WeChat Pay for a prepay_id and answers signed parameters.
    String placed = send(http, HttpRequest.newBuilder(URI.create(base + "/orders"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"description\":\"Example Coffee - latte\",\"total\":1800,\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"}")),
        200);
    String outTradeNo = placed.replaceAll(".*\"outTradeNo\":\"([^\"]+)\".*", "$1");
    String shown = placed.replaceAll("\"paySign\":\"[^\"]+\"", "\"paySign\":\"…\"");
    System.out.println("1. placed " + outTradeNo + ": " + shown);

    // 2. The buyer pays; WeChat Pay posts TRANSACTION.SUCCESS to the shop's notify_url.
    SandboxNotification paid = sandbox.notification("TRANSACTION.SUCCESS", "支付成功", """
        {"appid":"wxd678efh567hg6787","mchid":"%s","out_trade_no":"%s","transaction_id":"4200001234202612020000000001",
         "trade_type":"JSAPI","trade_state":"SUCCESS","trade_state_desc":"支付成功","bank_type":"CMC",
         "success_time":"2026-12-02T10:00:05+08:00","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
         "amount":{"total":1800,"payer_total":1800,"currency":"CNY","payer_currency":"CNY"}}
        """.formatted(sandbox.mchid(), outTradeNo));
    URI notify = URI.create(base + "/wxpay/notifications");
    expect(204, sandbox.postNotification(notify, paid), "the payment notification");
    // A second delivery of the same notification changes nothing and is answered the same way.
    expect(204, sandbox.postNotification(notify, paid), "the same notification again");
    // A forged notification, and WeChat Pay's signature probe: both must be refused.
    expect(401, sandbox.postNotification(notify, paid.tamperBody()), "a forged notification");
    expect(401, sandbox.postNotification(notify, paid.signTestProbe()), "the signature probe");
    System.out.println("2. notified: 204 for the payment (twice), 401 for a forgery and for the signature probe");

    // 3. The page asks how the order stands.
    String order = send(http, HttpRequest.newBuilder(URI.create(base + "/orders/" + outTradeNo)).GET(), 200);
    if (!order.contains("\"status\":\"SUCCESS\"")) {
      throw new IllegalStateException("the order is not paid: " + order);
    }
    System.out.println("3. order: " + order);
  }

  private static String send(HttpClient http, HttpRequest.Builder request, int status) throws Exception {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    expect(status, response.statusCode(), request.build().method() + " " + request.build().uri().getPath());
    return response.body();
  }

  private static void expect(int expected, int actual, String what) {
    if (expected != actual) {
      throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
    }
  }
}
