package dev.wxpay.samples;

import dev.wxpay.endpoints.v3.marketing.busifavor.coupons.SendBusifavorCoupon;
import dev.wxpay.endpoints.v3.marketing.busifavor.coupons.SendBusifavorCouponResponse;
import dev.wxpay.endpoints.v3.marketing.favor.BackgroundColor;
import dev.wxpay.endpoints.v3.marketing.favor.CouponStocks;
import dev.wxpay.endpoints.v3.marketing.favor.CreateCouponStockResponse;
import dev.wxpay.endpoints.v3.marketing.favor.JumpTarget;
import dev.wxpay.endpoints.v3.marketing.favor.StockType;
import dev.wxpay.endpoints.v3.marketing.favor.TradeType;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartStock;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartStockResponse;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.StartStock;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.StartStockResponse;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.AppJumpType;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.CodeDisplayMode;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.CouponCodeMode;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.CouponUsageMethod;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.ListProductCouponStocksQuery;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.ListProductCouponStocksResponse;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.ProductCouponStock;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.ProductCouponStocks;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.StockState;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.StoreScope;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.Weekday;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.SandboxNotification;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.time.OffsetDateTime;

/**
 * Starts the testkit sandbox, calls the six seed operations through the generated clients, and prints
 * what comes back. Every request is signed, checked by the sandbox like WeChat Pay checks it, and every
 * answer is signed by the sandbox and verified by the client.
 *
 * <p>Run it with {@code mvn -q -DskipTests -pl samples -am package exec:java}.
 */
public final class SeedSample {
  private SeedSample() {}

  static final String MCHID = WechatPaySandbox.DEFAULT_MCHID;
  static final String FAVOR_STOCK_ID = "9856000";
  static final String PRODUCT_COUPON_ID = "1000000013";
  static final String BRAND_ID = "120344";

  public static void main(String[] args) {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start()) {
      // Configured the way a merchant configures production, from PEM text; only the base URI differs.
      WechatPay wxpay = WechatPay.builder()
          .merchant(sandbox.mchid(), sandbox.merchantSerialNo(), sandbox.merchantPrivateKeyPem())
          .wechatpayPublicKey(sandbox.wechatpayPublicKeyId(), sandbox.wechatpayPublicKeyPem())
          .baseUri(sandbox.baseUri())
          .build();
      stubAll(sandbox);
      createCouponStock(wxpay);
      startStock(wxpay);
      restartStock(wxpay);
      sendBusifavorCoupon(wxpay);
      addProductCouponStock(wxpay);
      listProductCouponStocks(wxpay);
      System.out.println(sandbox.requests().size() + " signed requests, all accepted by the sandbox: "
          + sandbox.requests().stream().allMatch(request -> request.signatureValid()));
      notifications(sandbox);
    }
  }

  /** The sandbox posts a payment notification, and a probe, to the README's callback handler. */
  static void notifications(WechatPaySandbox sandbox) {
    try (WechatPay wxpay = sandbox.client();
        CallbackHandler handler = new CallbackHandler(wxpay,
            (order, transaction) -> System.out.println("paid: order " + order + ", transaction " + transaction))) {
      SandboxNotification paid = sandbox.notification("TRANSACTION.SUCCESS", "支付成功",
          "{\"out_trade_no\":\"1217752501201407033233368018\",\"transaction_id\":\"4200000001201407033233368018\","
              + "\"trade_state\":\"SUCCESS\"}", "transaction");
      System.out.println("notification answered " + sandbox.postNotification(handler.url(), paid));
      System.out.println("signature probe answered "
          + sandbox.postNotification(handler.url(), paid.signTestProbe()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void stubAll(WechatPaySandbox sandbox) {
    String favorStock = "/v3/marketing/favor/stocks/" + FAVOR_STOCK_ID;
    String productStocks =
        "/v3/marketing/partner/product-coupon/product-coupons/" + PRODUCT_COUPON_ID + "/stocks";
    sandbox.stub("POST", "/v3/marketing/favor/coupon-stocks",
        StubResponse.json(SampleResponses.CREATE_COUPON_STOCK));
    sandbox.stub("POST", favorStock + "/start", StubResponse.json(SampleResponses.START_STOCK));
    sandbox.stub("POST", favorStock + "/restart", StubResponse.json(SampleResponses.RESTART_STOCK));
    sandbox.stub("POST", "/v3/marketing/busifavor/coupons/send",
        StubResponse.json(SampleResponses.SEND_BUSIFAVOR_COUPON));
    sandbox.stub("POST", productStocks, StubResponse.json(SampleResponses.ADD_PRODUCT_COUPON_STOCK));
    // Stubs match the path alone; the page token in the query picks the page.
    sandbox.stub("GET", productStocks, request -> StubResponse.json(
        request.rawQuery() != null && request.rawQuery().contains("page_token=")
            ? SampleResponses.LIST_PRODUCT_COUPON_STOCKS_PAGE_2
            : SampleResponses.LIST_PRODUCT_COUPON_STOCKS));
  }

  /** A prepaid stock of 100 coupons, 10 yuan off orders from 100 yuan, weekdays 9:00-21:00. */
  static void createCouponStock(WechatPay wxpay) {
    CouponStocks couponStocks = wxpay.create(CouponStocks.class);
    CreateCouponStockResponse created = couponStocks.post(b -> b
        .stockName("Spring sale: 10 off 100")
        .comment("Retail stores, spring 2025")
        .belongMerchant(MCHID)
        .availableBeginTime(OffsetDateTime.parse("2025-03-01T00:00:00+08:00"))
        .availableEndTime(OffsetDateTime.parse("2025-03-31T23:59:59+08:00"))
        .stockUseRule(r -> r
            .maxCoupons(100)
            .maxAmount(100_000)            // fen: 100 coupons x 1,000 fen
            .maxAmountByDay(20_000)
            .maxCouponsPerUser(1)
            .naturalPersonLimit(false)
            .preventApiAbuse(false))
        .patternInfo(p -> p
            .description("One coupon per order; not combinable with other offers.")
            .merchantName("Example Coffee")
            .backgroundColor(BackgroundColor.Color020)
            .jumpTarget(JumpTarget.MINI_PROGRAM)
            .miniProgramAppid("wx1234567890abcdef")
            .miniProgramPath("/pages/coupons/index"))
        .couponUseRule(u -> u
            .couponAvailableTime(t -> t
                .availableBeginTime(OffsetDateTime.parse("2025-03-01T00:00:00+08:00"))
                .availableEndTime(OffsetDateTime.parse("2025-03-31T23:59:59+08:00"))
                .fixAvailableTime(f -> f
                    .availableWeekDay(1, 2, 3, 4, 5)
                    .beginTime(9 * 3600)
                    .endTime(21 * 3600))
                .secondDayAvailable(false))
            .fixedNormalCoupon(c -> c.couponAmount(1_000).transactionMinimum(10_000))
            .goodsTag("spring_sale")
            .tradeType(TradeType.MICROAPP, TradeType.APPPAY)
            .availableMerchants(MCHID)
            .combineUse(false))
        .noCash(false)
        .stockType(StockType.NORMAL)
        .outRequestNo("20250301-spring-sale-0001")
        .extInfo("{\"campaign\":\"spring-2025\"}"));
    System.out.println("created favor stock: " + created);
  }

  static void startStock(WechatPay wxpay) {
    StartStockResponse started =
        wxpay.create(StartStock.class).post(FAVOR_STOCK_ID, b -> b.stockCreatorMchid(MCHID));
    System.out.println("started favor stock: " + started);
  }

  static void restartStock(WechatPay wxpay) {
    RestartStockResponse restarted =
        wxpay.create(RestartStock.class).post(FAVOR_STOCK_ID, b -> b.stockCreatorMchid(MCHID));
    System.out.println("restarted favor stock: " + restarted);
  }

  static void sendBusifavorCoupon(WechatPay wxpay) {
    SendBusifavorCouponResponse sent = wxpay.create(SendBusifavorCoupon.class).post(b -> b
        .openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
        .appid("wxd678efh567hg6787")
        .stockId("100088")
        .outRequestNo("1002600620019090123143254435")
        .couponCode("ABC20250301000001"));
    System.out.println("sent busifavor coupon: " + sent);
  }

  /** A product coupon stock: 10 yuan off 100, usable once, Monday to Friday, 10:00-22:00, in all stores. */
  static void addProductCouponStock(WechatPay wxpay) {
    ProductCouponStock added = wxpay.create(ProductCouponStocks.class).post(PRODUCT_COUPON_ID, b -> b
        .brandId(BRAND_ID)
        .outRequestNo("34657_20250101_123456")
        .stock(s -> s
            .remark("Thursday special")
            .couponCodeMode(CouponCodeMode.WECHATPAY)
            .stockSendRule(r -> r.maxCount(100_000).maxCountPerDay(5_000).maxCountPerUser(5))
            .singleUsageRule(u -> u
                .couponAvailablePeriod(p -> p
                    .availableBeginTime(OffsetDateTime.parse("2025-08-01T00:00:00+08:00"))
                    .availableEndTime(OffsetDateTime.parse("2025-08-31T23:59:59+08:00"))
                    .availableDays(30)
                    .waitDaysAfterReceive(1)
                    .weeklyAvailablePeriod(w -> w
                        .dayList(Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY,
                            Weekday.FRIDAY)
                        .addDayPeriodList(d -> d.beginTime(10 * 3600).endTime(22 * 3600))))
                .normalCoupon(n -> n.threshold(10_000).discountAmount(1_000)))
            .usageRuleDisplayInfo(d -> d
                .couponUsageMethodList(CouponUsageMethod.OFFLINE, CouponUsageMethod.MINI_PROGRAM)
                .miniProgramAppid("wx1234567890")
                .miniProgramPath("/pages/index/product")
                .usageDescription("Weekdays only; one coupon per order.")
                .couponAvailableStoreInfo(i -> i
                    .description("All stores; see the mini program for the list.")
                    .miniProgramAppid("wx1234567890")
                    .miniProgramPath("/pages/stores/index"))
                .appJumpType(AppJumpType.H5))
            .couponDisplayInfo(c -> c
                .codeDisplayMode(CodeDisplayMode.QRCODE)
                .backgroundColor(dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons
                    .BackgroundColor.Color020)
                .entranceMiniProgram(e -> e
                    .appid("wx234545656765876")
                    .path("/path/index/index")
                    .entranceWording("Shop now")
                    .guidanceWording("More offers inside")))
            .notifyConfig(n -> n.notifyAppid("wx23232232323"))
            .storeScope(StoreScope.ALL)));
    System.out.println("added product coupon stock: " + added.stockId() + ", " + added.state());
  }

  /** Reads the first page of the stocks in sending state, two a page, and the page after it. */
  static void listProductCouponStocks(WechatPay wxpay) {
    ProductCouponStocks stocks = wxpay.create(ProductCouponStocks.class);
    ListProductCouponStocksResponse page = stocks.get(
        PRODUCT_COUPON_ID, new ListProductCouponStocksQuery(StockState.SENDING, 2, null, BRAND_ID));
    System.out.println("stocks: " + page.totalCount() + " in all; first page: " + summary(page));
    String next = page.nextPageToken();
    if (next != null) {
      ListProductCouponStocksResponse second = stocks.getAsync(
              PRODUCT_COUPON_ID, new ListProductCouponStocksQuery(StockState.SENDING, 2, next, BRAND_ID))
          .join();
      System.out.println("second page: " + summary(second));
    }
  }

  private static String summary(ListProductCouponStocksResponse page) {
    return page.stockList() == null ? "[]" : page.stockList().stream()
        .map(stock -> stock.stockId() + " (" + stock.state() + ", " + stock.sentCountInfo().totalCount() + " sent)")
        .toList()
        .toString();
  }
}
