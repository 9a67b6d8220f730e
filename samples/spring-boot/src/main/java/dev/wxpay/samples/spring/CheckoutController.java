package dev.wxpay.samples.spring;

import dev.wxpay.endpoints.v3.pay.transactions.Jsapi;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiResponse;
import dev.wxpay.runtime.WechatPay;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Places orders with WeChat Pay and shows them. */
@RestController
public class CheckoutController {

  /** What the page sends: the buyer's openid comes from the WeChat login the page did. */
  public record Checkout(String description, long total, String openid) {}

  /** The order, and the parameters the page passes to {@code wx.requestPayment}. */
  public record Placed(String outTradeNo, Map<String, String> payment) {}

  private final Jsapi jsapi;
  private final WechatPay wxpay;
  private final Orders orders;
  private final String appid;
  private final String notifyUrl;

  public CheckoutController(Jsapi jsapi, WechatPay wxpay, Orders orders, @Value("${shop.appid}") String appid,
      @Value("${shop.notify-url}") String notifyUrl) {
    this.jsapi = jsapi;
    this.wxpay = wxpay;
    this.orders = orders;
    this.appid = appid;
    this.notifyUrl = notifyUrl;
  }

  @PostMapping("/orders")
  public Placed place(@RequestBody Checkout checkout) {
    Orders.Order order = orders.open(checkout.description(), checkout.total());
    JsapiResponse placed = jsapi.post(b -> b
        .appid(appid)
        .mchid(wxpay.mchid())
        .description(checkout.description())
        .outTradeNo(order.outTradeNo())
        .notifyUrl(notifyUrl)
        .amount(a -> a.total(checkout.total()).currency("CNY"))   // fen
        .payer(p -> p.openid(checkout.openid())));
    // Signed with the merchant key: the page cannot forge or alter it.
    return new Placed(order.outTradeNo(), wxpay.payments().jsapi(appid, placed.prepayId()).toMap());
  }

  @GetMapping("/orders/{outTradeNo}")
  public ResponseEntity<Orders.Order> order(@PathVariable String outTradeNo) {
    return ResponseEntity.of(orders.find(outTradeNo));
  }
}
