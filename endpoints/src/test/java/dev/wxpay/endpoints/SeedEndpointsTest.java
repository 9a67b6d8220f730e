package dev.wxpay.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.endpoints.marketing.BackgroundColor;
import dev.wxpay.endpoints.marketing.MarketingApi;
import dev.wxpay.endpoints.marketing.Weekday;
import dev.wxpay.endpoints.v3.marketing.busifavor.CouponCodeMode;
import dev.wxpay.endpoints.v3.marketing.busifavor.StockType;
import dev.wxpay.endpoints.v3.marketing.busifavor.StocksRequestBuilder;
import dev.wxpay.endpoints.v3.marketing.busifavor.StocksResponse;
import dev.wxpay.endpoints.v3.marketing.busifavor.UseMethod;
import dev.wxpay.endpoints.v3.marketing.busifavor.coupons.SendResponse;
import dev.wxpay.endpoints.v3.marketing.favor.CouponStocksRequestBuilder;
import dev.wxpay.endpoints.v3.marketing.favor.CouponStocksResponse;
import dev.wxpay.endpoints.v3.marketing.favor.FavorStockType;
import dev.wxpay.endpoints.v3.marketing.favor.FavorTradeType;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartResponse;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.Start;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.StartRequest;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.StartResponse;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.CodeDisplayMode;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.CouponUsageMethodList;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.StockState;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.StoreScope;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.Stocks;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.StocksGetQuery;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.StocksGetResponse;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.StocksPostResponse;
import dev.wxpay.runtime.MissingFieldsException;
import dev.wxpay.runtime.WechatPay;
import dev.wxpay.testkit.RecordedRequest;
import dev.wxpay.testkit.StubResponse;
import dev.wxpay.testkit.WechatPaySandbox;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each seed operation against the sandbox: the request on the wire, its signature, the typed answer. */
class SeedEndpointsTest {
  private static WechatPaySandbox sandbox;
  private static WechatPay wxpay;

  @BeforeAll
  static void start() {
    sandbox = WechatPaySandbox.start();
    wxpay = sandbox.client();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.clear();
    sandbox.clearStubs();
  }

  /** The one request the sandbox received, checked to be signed and accepted. */
  private static RecordedRequest onlyRequest() {
    List<RecordedRequest> requests = sandbox.requests();
    assertEquals(1, requests.size(), "requests: " + requests);
    RecordedRequest request = requests.get(0);
    assertTrue(request.signatureValid(), request.rejection());
    assertNull(request.rejection());
    return request;
  }

  @Test
  void restartStock() {
    sandbox.stub("POST", "/v3/marketing/favor/stocks/9856000/restart", StubResponse.json(
        "{\"stock_id\":\"9856000\",\"restart_time\":\"2015-05-20T13:29:35.120+08:00\"}"));

    RestartResponse response = MarketingApi.of(wxpay).v3().marketing().favor().stocks("9856000").restart()
        .post(b -> b.stockCreatorMchid("8956000"));

    assertEquals("9856000", response.stockId());
    assertEquals(OffsetDateTime.parse("2015-05-20T13:29:35.120+08:00"), response.restartTime());
    RecordedRequest request = onlyRequest();
    assertEquals("POST", request.method());
    assertEquals("/v3/marketing/favor/stocks/9856000/restart", request.uri());
    assertEquals("{\"stock_creator_mchid\":\"8956000\"}", request.bodyAsString());
  }

  @Test
  void startStockAsyncWithARecordBody() throws Exception {
    sandbox.stub("POST", "/v3/marketing/favor/stocks/9856000/start", StubResponse.json(
        "{\"start_time\":\"2015-05-20T13:29:35+08:00\",\"stock_id\":\"9856000\"}"));

    StartResponse response = wxpay.create(Start.class)
        .postAsync("9856000", new StartRequest("8956000"))
        .get();

    assertEquals("9856000", response.stockId());
    assertEquals(OffsetDateTime.parse("2015-05-20T13:29:35+08:00"), response.startTime());
    RecordedRequest request = onlyRequest();
    assertEquals("/v3/marketing/favor/stocks/9856000/start", request.uri());
    assertEquals("{\"stock_creator_mchid\":\"8956000\"}", request.bodyAsString());
  }

  /** The deepest seed body: nested rules, lists of numbers, strings and enums, an enum renamed on the wire. */
  @Test
  void createCouponStockSendsTheDeepNestedBody() {
    sandbox.stub("POST", "/v3/marketing/favor/coupon-stocks", StubResponse.json(
        "{\"stock_id\":\"98065001\",\"create_time\":\"2015-05-20T13:29:35.120+08:00\"}"));

    CouponStocksResponse response = MarketingApi.of(wxpay).v3().marketing().favor().couponStocks().post(b -> b
        .stockName("微信支付代金券批次")
        .availableBeginTime(OffsetDateTime.parse("2015-05-20T13:29:35.120+08:00"))
        .availableEndTime(OffsetDateTime.parse("2015-05-21T13:29:35+08:00"))
        .stockUseRule(r -> r
            .maxCoupons(100)
            .maxAmount(5000)
            .maxAmountByDay(400)
            .maxCouponsPerUser(3)
            .naturalPersonLimit(false)
            .preventApiAbuse(false))
        .noCash(false)
        .stockType(FavorStockType.EXCHAHGE)
        .belongMerchant("98568865")
        .patternInfo(p -> p.description("使用说明").backgroundColor(BackgroundColor.COLOR020))
        .couponUseRule(u -> u
            .couponAvailableTime(t -> t
                .fixAvailableTime(f -> f.availableWeekDay(Weekday.V_1, Weekday.V_2).beginTime(0).endTime(3600))
                .secondDayAvailable(true))
            .fixedNormalCoupon(c -> c.couponAmount(100).transactionMinimum(1000))
            .goodsTag("a", "b")
            .addTradeType(FavorTradeType.MICROAPP)
            .availableMerchants("9856000"))
        .outRequestNo("89560002019101000121"));

    assertEquals("98065001", response.stockId());
    assertEquals(OffsetDateTime.parse("2015-05-20T13:29:35.120+08:00"), response.createTime());
    RecordedRequest request = onlyRequest();
    assertEquals("/v3/marketing/favor/coupon-stocks", request.uri());
    assertEquals("{\"stock_name\":\"微信支付代金券批次\","
        + "\"available_begin_time\":\"2015-05-20T13:29:35.120+08:00\","
        + "\"available_end_time\":\"2015-05-21T13:29:35+08:00\","
        + "\"stock_use_rule\":{\"max_coupons\":100,\"max_amount\":5000,\"max_amount_by_day\":400,"
        + "\"max_coupons_per_user\":3,\"natural_person_limit\":false,\"prevent_api_abuse\":false},"
        + "\"no_cash\":false,\"stock_type\":\"EXCHAHGE\",\"belong_merchant\":\"98568865\","
        + "\"pattern_info\":{\"description\":\"使用说明\",\"background_color\":\"Color020\"},"
        + "\"coupon_use_rule\":{\"coupon_available_time\":{\"fix_available_time\":{\"available_week_day\":[1,2],"
        + "\"begin_time\":0,\"end_time\":3600},\"second_day_available\":true},"
        + "\"fixed_normal_coupon\":{\"coupon_amount\":100,\"transaction_minimum\":1000},"
        + "\"goods_tag\":[\"a\",\"b\"],\"trade_type\":[\"MICROAPP\"],\"available_merchants\":[\"9856000\"]},"
        + "\"out_request_no\":\"89560002019101000121\"}", request.bodyAsString());
  }

  @Test
  void createCouponStockNamesEveryMissingFieldBeforeSending() {
    MissingFieldsException missing = assertThrows(MissingFieldsException.class,
        () -> MarketingApi.of(wxpay).v3().marketing().favor().couponStocks().post(b -> b
            .stockName("n")
            .stockUseRule(r -> r.maxCoupons(1).naturalPersonLimit(true))));

    assertEquals("missing required fields: available_begin_time, available_end_time,"
        + " stock_use_rule.max_amount, stock_use_rule.max_coupons_per_user, stock_use_rule.prevent_api_abuse,"
        + " no_cash, stock_type, belong_merchant, coupon_use_rule, out_request_no", missing.getMessage());
    assertTrue(sandbox.requests().isEmpty());
    // A built request can be copied and completed.
    assertEquals("n", CouponStocksRequestBuilder.from(CouponStocksRequestBuilder.build(b -> b
        .stockName("n")
        .availableBeginTime(OffsetDateTime.parse("2015-05-20T13:29:35+08:00"))
        .availableEndTime(OffsetDateTime.parse("2015-05-20T13:29:35+08:00"))
        .stockUseRule(r -> r.maxCoupons(1).maxAmount(1).maxCouponsPerUser(1).naturalPersonLimit(true)
            .preventApiAbuse(true))
        .noCash(true)
        .stockType(FavorStockType.NORMAL)
        .belongMerchant("1")
        .couponUseRule(u -> u.couponAvailableTime(t -> t.secondDayAvailable(false)))
        .outRequestNo("1"))).build().stockName());
  }

  /**
   * A body four objects deep, with lists of numbers and of objects and an enum whose wire name is not its
   * constant's: what {@link #createCouponStockSendsTheNestedBody} checked with the hand-written favor
   * stock, whose usage rules and card-wallet look the generated one lacks.
   */
  @Test
  void createBusifavorStockSendsTheDeepNestedBody() {
    sandbox.stub("POST", "/v3/marketing/busifavor/stocks", StubResponse.json(
        "{\"stock_id\":\"1212\",\"create_time\":\"2019-12-30T11:00:00+08:00\"}"));

    StocksResponse response = MarketingApi.of(wxpay).v3().marketing().busifavor().stocks().post(b -> b
        .stockName("8月1日活动券")
        .belongMerchant("10000022")
        .goodsName("xxx商品使用")
        .stockType(StockType.NORMAL)
        .couponUseRule(u -> u
            .couponAvailableTime(t -> t
                .availableBeginTime("2015-05-20T13:29:35.120+08:00")
                .availableEndTime("2015-05-21T13:29:35+08:00")
                .availableWeek(w -> w
                    .weekDay(1, 2)
                    .addWeekDay(5)
                    .addAvailableDayTime(d -> d.beginTime(3600).endTime(86399))))
            .fixedNormalCoupon(c -> c.discountAmount(100).transactionMinimum(1000))
            .useMethod(UseMethod.OFF_LINE))
        .stockSendRule(r -> r.maxCoupons(100).maxCouponsPerUser(3))
        .outRequestNo("89560002019101000121")
        .displayPatternInfo(p -> p.description("使用说明").backgroundColor(BackgroundColor.COLOR020))
        .couponCodeMode(CouponCodeMode.WECHATPAY_MODE));

    assertEquals("1212", response.stockId());
    assertEquals("2019-12-30T11:00:00+08:00", response.createTime());
    RecordedRequest request = onlyRequest();
    assertEquals("/v3/marketing/busifavor/stocks", request.uri());
    assertEquals("{\"stock_name\":\"8月1日活动券\",\"belong_merchant\":\"10000022\",\"goods_name\":\"xxx商品使用\","
        + "\"stock_type\":\"NORMAL\","
        + "\"coupon_use_rule\":{\"coupon_available_time\":{"
        + "\"available_begin_time\":\"2015-05-20T13:29:35.120+08:00\","
        + "\"available_end_time\":\"2015-05-21T13:29:35+08:00\","
        + "\"available_week\":{\"week_day\":[1,2,5],"
        + "\"available_day_time\":[{\"begin_time\":3600,\"end_time\":86399}]}},"
        + "\"fixed_normal_coupon\":{\"discount_amount\":100,\"transaction_minimum\":1000},\"use_method\":\"OFF_LINE\"},"
        + "\"stock_send_rule\":{\"max_coupons\":100,\"max_coupons_per_user\":3},"
        + "\"out_request_no\":\"89560002019101000121\","
        + "\"display_pattern_info\":{\"description\":\"使用说明\",\"background_color\":\"Color020\"},"
        + "\"coupon_code_mode\":\"WECHATPAY_MODE\"}", request.bodyAsString());
  }

  @Test
  void createBusifavorStockNamesMissingFieldsByTheirPath() {
    MissingFieldsException missing = assertThrows(MissingFieldsException.class,
        () -> MarketingApi.of(wxpay).v3().marketing().busifavor().stocks().post(b -> b
            .stockName("n")
            .couponUseRule(u -> u.fixedNormalCoupon(c -> c.discountAmount(1)))));

    assertEquals("missing required fields: belong_merchant, goods_name, stock_type,"
        + " coupon_use_rule.coupon_available_time, coupon_use_rule.fixed_normal_coupon.transaction_minimum,"
        + " coupon_use_rule.use_method, stock_send_rule, out_request_no, coupon_code_mode", missing.getMessage());
    assertTrue(sandbox.requests().isEmpty());
    assertEquals(BackgroundColor.COLOR020, StocksRequestBuilder.from(StocksRequestBuilder.build(b -> b
        .stockName("n")
        .belongMerchant("1")
        .goodsName("g")
        .stockType(StockType.DISCOUNT)
        .couponUseRule(u -> u
            .couponAvailableTime(t -> t.availableBeginTime("b").availableEndTime("e"))
            .useMethod(UseMethod.MINI_PROGRAMS))
        .stockSendRule(r -> r.maxCoupons(1).maxCouponsPerUser(1))
        .outRequestNo("1")
        .couponCodeMode(CouponCodeMode.MERCHANT_API)))
        .displayPatternInfo(p -> p.backgroundColor(BackgroundColor.COLOR020))
        .build().displayPatternInfo().backgroundColor());
  }

  @Test
  void sendBusifavorCoupon() {
    sandbox.stub("POST", "/v3/marketing/busifavor/coupons/send", StubResponse.json(
        "{\"stock_id\":\"100088\",\"coupon_code\":\"ABC\",\"out_request_no\":\"1002600620019090123143254435\"}"));

    SendResponse response = MarketingApi.of(wxpay).v3().marketing().busifavor().coupons().send().post(b -> b
        .openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
        .appid("wxd678efh567hg6787")
        .stockId("100088")
        .outRequestNo("1002600620019090123143254435"));

    assertEquals("100088", response.stockId());
    assertEquals("ABC", response.couponCode());
    assertEquals("1002600620019090123143254435", response.outRequestNo());
    RecordedRequest request = onlyRequest();
    assertEquals("/v3/marketing/busifavor/coupons/send", request.uri());
    assertEquals("{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\",\"appid\":\"wxd678efh567hg6787\","
        + "\"stock_id\":\"100088\",\"out_request_no\":\"1002600620019090123143254435\"}", request.bodyAsString());
  }

  private static final String PRODUCT_COUPON_STOCK = "{\"product_coupon_id\":\"1000000013\","
      + "\"stock_id\":\"1000000013001\",\"coupon_code_mode\":\"WECHATPAY\","
      + "\"stock_send_rule\":{\"max_count\":100000},"
      + "\"usage_rule_display_info\":{\"coupon_usage_method_list\":[\"OFFLINE\"],\"usage_description\":\"工作日可用\"},"
      + "\"coupon_display_info\":{\"code_display_mode\":\"QRCODE\",\"brand_new_field\":1},"
      + "\"notify_config\":{\"notify_appid\":\"wx23232232323\"},\"store_scope\":\"ALL\","
      + "\"sent_count_info\":{\"total_count\":7,\"today_count\":2},\"state\":\"AUDITING\","
      + "\"brand_id\":\"120344\"}";

  @Test
  void addProductCouponStock() {
    String path = "/v3/marketing/partner/product-coupon/product-coupons/1000000013/stocks";
    sandbox.stub("POST", path, StubResponse.json(PRODUCT_COUPON_STOCK));

    StocksPostResponse stock = MarketingApi.of(wxpay).v3().marketing().partner().productCoupon()
        .productCoupons("1000000013").stocks().post(b -> b
            .brandId("120344")
            .outRequestNo("34657_20250101_123456")
            .stock(s -> s
                .couponCodeMode(dev.wxpay.endpoints.v3.marketing.partner.product_coupon.CouponCodeMode.WECHATPAY)
                .stockSendRule(r -> r.maxCount(100_000))
                .usageRuleDisplayInfo(d -> d
                    .couponUsageMethodList(CouponUsageMethodList.OFFLINE)
                    .usageDescription("工作日可用"))
                .couponDisplayInfo(c -> c.codeDisplayMode(CodeDisplayMode.QRCODE))
                .notifyConfig(n -> n.notifyAppid("wx23232232323"))
                .storeScope(StoreScope.ALL)));

    assertEquals("1000000013001", stock.stockId());
    assertEquals(StockState.AUDITING, stock.state());
    assertEquals(7L, stock.sentCountInfo().totalCount());
    assertEquals(CodeDisplayMode.QRCODE, stock.couponDisplayInfo().codeDisplayMode());
    RecordedRequest request = onlyRequest();
    assertEquals(path, request.uri());
    assertEquals("{\"brand_id\":\"120344\",\"out_request_no\":\"34657_20250101_123456\","
        + "\"stock\":{\"coupon_code_mode\":\"WECHATPAY\",\"stock_send_rule\":{\"max_count\":100000},"
        + "\"usage_rule_display_info\":{\"coupon_usage_method_list\":[\"OFFLINE\"],"
        + "\"usage_description\":\"工作日可用\"},"
        + "\"coupon_display_info\":{\"code_display_mode\":\"QRCODE\"},"
        + "\"notify_config\":{\"notify_appid\":\"wx23232232323\"},\"store_scope\":\"ALL\"}}",
        request.bodyAsString());
  }

  @Test
  void listProductCouponStocksPageByPage() {
    String path = "/v3/marketing/partner/product-coupon/product-coupons/1000000013/stocks";
    sandbox.stub("GET", path, received -> StubResponse.json(received.rawQuery().contains("page_token=")
        ? "{\"total_count\":2,\"stock_list\":[" + PRODUCT_COUPON_STOCK.replace("AUDITING", "A_STATE_ADDED_LATER") + "]}"
        : "{\"total_count\":2,\"next_page_token\":\"MTIz+/=\",\"stock_list\":[" + PRODUCT_COUPON_STOCK + "]}"));
    Stocks stocks = wxpay.create(Stocks.class);

    StocksGetResponse first =
        stocks.get("1000000013", new StocksGetQuery(StockState.SENDING, 1L, null, "120344"));
    StocksGetResponse second = stocks.get("1000000013",
        new StocksGetQuery(null, 1L, first.nextPageToken(), "120344"));

    assertEquals(2L, first.totalCount());
    assertEquals("MTIz+/=", first.nextPageToken());
    assertEquals(1, first.stockList().size());
    assertNull(second.nextPageToken());
    assertEquals(StockState.AUDITING, first.stockList().get(0).state());
    assertNull(second.stockList().get(0).state(), "a state added later reads as null");
    List<RecordedRequest> requests = sandbox.requests();
    assertEquals(path + "?state=SENDING&page_size=1&brand_id=120344", requests.get(0).uri());
    assertEquals(path + "?page_size=1&page_token=MTIz%2B%2F%3D&brand_id=120344", requests.get(1).uri());
    for (RecordedRequest request : requests) {
      assertEquals("GET", request.method());
      assertEquals("", request.bodyAsString());
      assertTrue(request.signatureValid(), request.rejection());
    }
  }
}
