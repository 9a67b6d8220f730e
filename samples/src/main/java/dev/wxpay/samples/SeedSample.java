package dev.wxpay.samples;

import dev.wxpay.endpoints.marketing.BackgroundColor;
import dev.wxpay.endpoints.marketing.MarketingApi;
import dev.wxpay.endpoints.marketing.Weekday;
import dev.wxpay.endpoints.v3.marketing.busifavor.coupons.SendResponse;
import dev.wxpay.endpoints.v3.marketing.favor.CouponStocksResponse;
import dev.wxpay.endpoints.v3.marketing.favor.FavorStockType;
import dev.wxpay.endpoints.v3.marketing.favor.FavorTradeType;
import dev.wxpay.endpoints.v3.marketing.favor.JumpTarget;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.Restart;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartResponse;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.StartResponse;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.StockState;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.StocksGetQuery;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.StocksGetResponse;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.time.OffsetDateTime;

/**
 * The seed operations, through the generated marketing endpoints: a favor (cash coupon) stock created,
 * started and restarted, a merchant coupon sent, and product coupon stocks listed page by page. Every
 * request is signed and checked by the sandbox like WeChat Pay checks it, and every answer is signed by
 * the sandbox and verified by the client.
 */
public final class SeedSample {
  private SeedSample() {}

  static final String FAVOR_STOCK_ID = "9856000";
  static final String PRODUCT_COUPON_ID = "1000000013";
  static final String BRAND_ID = "120344";

  public static void main(String[] args) {
    try (WechatPaySandbox sandbox = WechatPaySandbox.start(); WechatPay wxpay = sandbox.client()) {
      run(sandbox, wxpay);
    }
  }

  static void run(WechatPaySandbox sandbox, WechatPay wxpay) {
    stubAll(sandbox);
    MarketingApi api = MarketingApi.of(wxpay);
    createCouponStock(api, wxpay.mchid());
    StartResponse started = api.v3().marketing().favor().stocks(FAVOR_STOCK_ID).start()
        .post(b -> b.stockCreatorMchid(wxpay.mchid()));
    System.out.println("started favor stock: " + started);
    // The same operation without navigation: the client of its interface.
    RestartResponse restarted = wxpay.create(Restart.class).post(FAVOR_STOCK_ID, b -> b.stockCreatorMchid(wxpay.mchid()));
    System.out.println("restarted favor stock: " + restarted);
    SendResponse sent = api.v3().marketing().busifavor().coupons().send().post(b -> b
        .openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
        .appid("wxd678efh567hg6787")
        .stockId("100088")
        .outRequestNo("1002600620019090123143254435")
        .couponCode("ABC20250301000001"));
    System.out.println("sent busifavor coupon: " + sent);
    listProductCouponStocks(api);
    System.out.println(sandbox.requests().size() + " signed requests, all accepted by the sandbox: "
        + sandbox.requests().stream().allMatch(request -> request.signatureValid()));
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
    // Stubs match the path alone; the page token in the query picks the page.
    sandbox.stub("GET", productStocks, request -> StubResponse.json(
        request.rawQuery() != null && request.rawQuery().contains("page_token=")
            ? SampleResponses.LIST_PRODUCT_COUPON_STOCKS_PAGE_2
            : SampleResponses.LIST_PRODUCT_COUPON_STOCKS));
  }

  /** A prepaid stock of 100 coupons, 10 yuan off orders from 100 yuan, weekdays 9:00-21:00. */
  static void createCouponStock(MarketingApi api, String mchid) {
    CouponStocksResponse created = api.v3().marketing().favor().couponStocks().post(b -> b
        .stockName("Spring sale: 10 off 100")
        .comment("Retail stores, spring 2025")
        .belongMerchant(mchid)
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
            .backgroundColor(BackgroundColor.COLOR020)
            .jumpTarget(JumpTarget.MINI_PROGRAM)
            .miniProgramAppid("wx1234567890abcdef")
            .miniProgramPath("/pages/coupons/index"))
        .couponUseRule(u -> u
            .couponAvailableTime(t -> t
                .availableBeginTime(OffsetDateTime.parse("2025-03-01T00:00:00+08:00"))
                .availableEndTime(OffsetDateTime.parse("2025-03-31T23:59:59+08:00"))
                .fixAvailableTime(f -> f
                    .availableWeekDay(Weekday.V_1, Weekday.V_2, Weekday.V_3, Weekday.V_4, Weekday.V_5)
                    .beginTime(9 * 3600)
                    .endTime(21 * 3600))
                .secondDayAvailable(false))
            .fixedNormalCoupon(c -> c.couponAmount(1_000).transactionMinimum(10_000))
            .goodsTag("spring_sale")
            .tradeType(FavorTradeType.MICROAPP, FavorTradeType.APPPAY)
            .availableMerchants(mchid)
            .combineUse(false))
        .noCash(false)
        .stockType(FavorStockType.NORMAL)
        .outRequestNo("20250301-spring-sale-0001")
        .extInfo("{\"campaign\":\"spring-2025\"}"));
    System.out.println("created favor stock: " + created);
  }

  /** Reads the first page of the stocks in sending state, two a page, and the page after it. */
  static void listProductCouponStocks(MarketingApi api) {
    var stocks = api.v3().marketing().partner().productCoupon().productCoupons(PRODUCT_COUPON_ID).stocks();
    StocksGetResponse page = stocks.get(new StocksGetQuery(StockState.SENDING, 2L, null, BRAND_ID));
    System.out.println("stocks: " + page.totalCount() + " in all; first page: " + summary(page));
    String next = page.nextPageToken();
    if (next != null) {
      StocksGetResponse second = stocks.getAsync(new StocksGetQuery(StockState.SENDING, 2L, next, BRAND_ID)).join();
      System.out.println("second page: " + summary(second));
    }
  }

  private static String summary(StocksGetResponse page) {
    return page.stockList() == null ? "[]" : page.stockList().stream()
        .map(stock -> stock.stockId() + " (" + stock.state() + ", "
            + (stock.sentCountInfo() == null ? 0 : stock.sentCountInfo().totalCount()) + " sent)")
        .toList()
        .toString();
  }
}
