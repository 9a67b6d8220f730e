package dev.wxpay.samples;

import dev.wxpay.annotations.Model;
import dev.wxpay.endpoints.payments.PaymentsApi;
import dev.wxpay.endpoints.v3.pay.TransactionTradeState;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponse;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponseJsonAdapter;
import dev.wxpay.endpoints.v3.refund.domestic.RefundsResponse;
import dev.wxpay.runtime.Notification;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.SandboxNotification;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A payment, end to end, against the sandbox: a JSAPI order, the payment page's signed parameters, the
 * payment notification, a query by {@code out_trade_no}, a refund and the refund notification. Every
 * request is signed and checked by the sandbox as WeChat Pay checks it; every answer and notification is
 * signed by the sandbox and verified here.
 */
public final class PaymentSample {
  private PaymentSample() {}

  static final String APPID = "wxd678efh567hg6787";
  static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
  static final String OUT_TRADE_NO = "1217752501201407033233368018";
  static final String TRANSACTION_ID = "4200000001201407033233368018";
  static final String OUT_REFUND_NO = "1217752501201407033233368018-R1";

  /** The part of a refund notification's resource the shop reads; the notification has no generated type. */
  @Model
  public record RefundNotice(String outTradeNo, String outRefundNo, String refundStatus, @Nullable String refundId) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start(); WechatPay wxpay = sandbox.client()) {
      run(sandbox, wxpay);
    }
  }

  static void run(WechatPaySandbox sandbox, WechatPay wxpay) throws IOException, InterruptedException {
    stub(sandbox);
    PaymentsApi api = PaymentsApi.of(wxpay);

    // 1. The order: WeChat Pay answers with the prepay_id the payment page needs.
    JsapiResponse order = api.v3().pay().transactions().jsapi().post(b -> b
        .appid(APPID)
        .mchid(wxpay.mchid())
        .description("Example Coffee - latte")
        .outTradeNo(OUT_TRADE_NO)
        .notifyUrl("https://shop.example.com/wxpay/notify")
        .amount(a -> a.total(1_800).currency("CNY"))   // fen
        .payer(p -> p.openid(OPENID)));
    System.out.println("1. ordered: prepay_id " + order.prepayId());

    // 2. The page's parameters for wx.requestPayment / WeixinJSBridge, signed with the merchant key.
    Map<String, String> page = wxpay.payments().jsapi(APPID, order.prepayId()).toMap();
    System.out.println("2. payment page: package " + page.get("package") + ", signType " + page.get("signType"));

    // 3. The user pays; WeChat Pay posts TRANSACTION.SUCCESS to notify_url. The handler verifies and
    //    decrypts it with the answer type of the order query, which has the transaction's shape.
    BlockingQueue<Notification> received = new ArrayBlockingQueue<>(4);
    try (CallbackHandler handler = new CallbackHandler(wxpay, received::add)) {
      SandboxNotification paid = sandbox.notification("TRANSACTION.SUCCESS", "支付成功", """
          {"appid":"%s","mchid":"%s","out_trade_no":"%s","transaction_id":"%s","trade_type":"JSAPI",
           "trade_state":"SUCCESS","trade_state_desc":"支付成功","bank_type":"CMC",
           "success_time":"2026-12-02T10:00:05+08:00","payer":{"openid":"%s"},
           "amount":{"total":1800,"payer_total":1800,"currency":"CNY","payer_currency":"CNY"}}
          """.formatted(APPID, wxpay.mchid(), OUT_TRADE_NO, TRANSACTION_ID, OPENID), "transaction");
      expect(204, sandbox.postNotification(handler.url(), paid), "the payment notification's answer");
      // WeChat Pay also sends signature probes, to see that the handler verifies: they must get a 401.
      expect(401, sandbox.postNotification(handler.url(), paid.signTestProbe()), "the signature probe's answer");
      OutTradeNoByOutTradeNoResponse transaction =
          take(received).resource(OutTradeNoByOutTradeNoResponseJsonAdapter.INSTANCE);
      System.out.println("3. notified: " + transaction.outTradeNo() + " is " + transaction.tradeState());

      // 4. Trust, but check: ask for the order by out_trade_no.
      OutTradeNoByOutTradeNoResponse queried =
          api.v3().pay().transactions().outTradeNo(OUT_TRADE_NO).get(wxpay.mchid());
      if (queried.tradeState() != TransactionTradeState.SUCCESS) {
        throw new IllegalStateException("order " + OUT_TRADE_NO + " is " + queried.tradeState());
      }
      System.out.println("4. queried: " + queried.transactionId() + ", paid " + queried.amount().payerTotal());

      // 5. A refund of the whole order.
      RefundsResponse refund = api.v3().refund().domestic().refunds().post(b -> b
          .outTradeNo(OUT_TRADE_NO)
          .outRefundNo(OUT_REFUND_NO)
          .reason("The customer changed their mind")
          .notifyUrl("https://shop.example.com/wxpay/notify")
          .amount(a -> a.refund(1_800).total(1_800).currency("CNY")));
      System.out.println("5. refund " + refund.refundId() + " is " + refund.status());

      // 6. WeChat Pay posts REFUND.SUCCESS when the money is back.
      SandboxNotification refunded = sandbox.notification("REFUND.SUCCESS", "退款成功", """
          {"mchid":"%s","out_trade_no":"%s","transaction_id":"%s","out_refund_no":"%s",
           "refund_id":"50000000382019052709732678859","refund_status":"SUCCESS",
           "success_time":"2026-12-02T10:05:00+08:00","user_received_account":"招商银行信用卡0403",
           "amount":{"total":1800,"refund":1800,"payer_total":1800,"payer_refund":1800}}
          """.formatted(wxpay.mchid(), OUT_TRADE_NO, TRANSACTION_ID, OUT_REFUND_NO), "refund");
      expect(204, sandbox.postNotification(handler.url(), refunded), "the refund notification's answer");
      RefundNotice notice = take(received).resource(PaymentSampleRefundNoticeJsonAdapter.INSTANCE);
      System.out.println("6. refund notified: " + notice.outRefundNo() + " is " + notice.refundStatus());
    }
    System.out.println(sandbox.requests().size() + " signed requests, all accepted by the sandbox: "
        + sandbox.requests().stream().allMatch(request -> request.signatureValid()));
  }

  /** What the sandbox answers, as WeChat Pay would for this order. */
  static void stub(WechatPaySandbox sandbox) {
    sandbox.stub("POST", "/v3/pay/transactions/jsapi",
        StubResponse.json("{\"prepay_id\":\"wx201410272009395522657a690389285100\"}"));
    sandbox.stub("GET", "/v3/pay/transactions/out-trade-no/" + OUT_TRADE_NO, StubResponse.json("""
        {"appid":"%s","mchid":"%s","out_trade_no":"%s","transaction_id":"%s","trade_type":"JSAPI",
         "trade_state":"SUCCESS","trade_state_desc":"支付成功","success_time":"2026-12-02T10:00:05+08:00",
         "payer":{"openid":"%s"},"amount":{"total":1800,"payer_total":1800,"currency":"CNY","payer_currency":"CNY"}}
        """.formatted(APPID, sandbox.mchid(), OUT_TRADE_NO, TRANSACTION_ID, OPENID)));
    sandbox.stub("POST", "/v3/refund/domestic/refunds", StubResponse.json("""
        {"refund_id":"50000000382019052709732678859","out_refund_no":"%s","transaction_id":"%s",
         "out_trade_no":"%s","channel":"ORIGINAL","user_received_account":"招商银行信用卡0403",
         "create_time":"2026-12-02T10:04:00+08:00","status":"PROCESSING",
         "amount":{"total":1800,"refund":1800,"payer_total":1800,"payer_refund":1800,"settlement_refund":1800,
                   "settlement_total":1800,"discount_refund":0,"currency":"CNY"}}
        """.formatted(OUT_REFUND_NO, TRANSACTION_ID, OUT_TRADE_NO)));
  }

  private static Notification take(BlockingQueue<Notification> received) throws InterruptedException {
    Notification notification = received.poll(10, TimeUnit.SECONDS);
    if (notification == null) {
      throw new IllegalStateException("no notification reached the handler");
    }
    return notification;
  }

  private static void expect(int expected, int actual, String what) {
    if (expected != actual) {
      throw new IllegalStateException(what + " was " + actual + ", not " + expected);
    }
  }
}
