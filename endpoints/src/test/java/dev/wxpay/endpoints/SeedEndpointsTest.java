package dev.wxpay.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.endpoints.v3.marketing.busifavor.coupons.SendBusifavorCoupon;
import dev.wxpay.endpoints.v3.marketing.busifavor.coupons.SendBusifavorCouponResponse;
import dev.wxpay.endpoints.v3.marketing.favor.BackgroundColor;
import dev.wxpay.endpoints.v3.marketing.favor.CouponStocks;
import dev.wxpay.endpoints.v3.marketing.favor.CreateCouponStockRequestBuilder;
import dev.wxpay.endpoints.v3.marketing.favor.CreateCouponStockResponse;
import dev.wxpay.endpoints.v3.marketing.favor.StockType;
import dev.wxpay.endpoints.v3.marketing.favor.TradeType;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartStock;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.RestartStockResponse;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.StartStock;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.StartStockRequest;
import dev.wxpay.endpoints.v3.marketing.favor.stocks.StartStockResponse;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.CodeDisplayMode;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.CouponCodeMode;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.CouponUsageMethod;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.ListProductCouponStocksQuery;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.ListProductCouponStocksResponse;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.ProductCouponStock;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.ProductCouponStocks;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.StockState;
import dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons.StoreScope;
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

    RestartStockResponse response =
        wxpay.create(RestartStock.class).post("9856000", b -> b.stockCreatorMchid("8956000"));

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

    StartStockResponse response = wxpay.create(StartStock.class)
        .postAsync("9856000", new StartStockRequest("8956000"))
        .get();

    assertEquals("9856000", response.stockId());
    assertEquals(OffsetDateTime.parse("2015-05-20T13:29:35+08:00"), response.startTime());
    RecordedRequest request = onlyRequest();
    assertEquals("/v3/marketing/favor/stocks/9856000/start", request.uri());
    assertEquals("{\"stock_creator_mchid\":\"8956000\"}", request.bodyAsString());
  }

  @Test
  void createCouponStockSendsTheDeepNestedBody() {
    sandbox.stub("POST", "/v3/marketing/favor/coupon-stocks", StubResponse.json(
        "{\"stock_id\":\"98065001\",\"create_time\":\"2015-05-20T13:29:35.120+08:00\"}"));

    CreateCouponStockResponse response = wxpay.create(CouponStocks.class).post(b -> b
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
        .stockType(StockType.EXCHANGE)
        .belongMerchant("98568865")
        .patternInfo(p -> p.description("使用说明").backgroundColor(BackgroundColor.Color020))
        .couponUseRule(u -> u
            .couponAvailableTime(t -> t
                .fixAvailableTime(f -> f.availableWeekDay(1, 2).beginTime(0).endTime(3600))
                .secondDayAvailable(true))
            .fixedNormalCoupon(c -> c.couponAmount(100).transactionMinimum(1000))
            .goodsTag("a", "b")
            .addTradeType(TradeType.MICROAPP)
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
        () -> wxpay.create(CouponStocks.class).post(b -> b
            .stockName("n")
            .stockUseRule(r -> r.maxCoupons(1).naturalPersonLimit(true))
            .couponUseRule(u -> u.fixedNormalCoupon(c -> c.couponAmount(1)))));

    assertEquals("missing required fields: available_begin_time, available_end_time,"
        + " stock_use_rule.max_amount, stock_use_rule.max_coupons_per_user, stock_use_rule.prevent_api_abuse,"
        + " no_cash, stock_type, belong_merchant, coupon_use_rule.coupon_available_time,"
        + " coupon_use_rule.fixed_normal_coupon.transaction_minimum, out_request_no", missing.getMessage());
    assertTrue(sandbox.requests().isEmpty());
    // A built request can be copied and completed.
    assertEquals("n", CreateCouponStockRequestBuilder.from(CreateCouponStockRequestBuilder.build(b -> b
        .stockName("n")
        .availableBeginTime(OffsetDateTime.parse("2015-05-20T13:29:35+08:00"))
        .availableEndTime(OffsetDateTime.parse("2015-05-20T13:29:35+08:00"))
        .stockUseRule(r -> r.maxCoupons(1).maxAmount(1).maxCouponsPerUser(1).naturalPersonLimit(true)
            .preventApiAbuse(true))
        .noCash(true)
        .stockType(StockType.NORMAL)
        .belongMerchant("1")
        .couponUseRule(u -> u.couponAvailableTime(t -> t.secondDayAvailable(false)))
        .outRequestNo("1"))).build().stockName());
  }

  @Test
  void sendBusifavorCoupon() {
    sandbox.stub("POST", "/v3/marketing/busifavor/coupons/send", StubResponse.json(
        "{\"stock_id\":\"100088\",\"coupon_code\":\"ABC\",\"out_request_no\":\"1002600620019090123143254435\"}"));

    SendBusifavorCouponResponse response = wxpay.create(SendBusifavorCoupon.class).post(b -> b
        .openid("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
        .appid("wxd678efh567hg6787")
        .stockId("100088")
        .outRequestNo("1002600620019090123143254435"));

    assertEquals("100088", response.stockId());
    assertEquals("ABC", response.couponCode());
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

    ProductCouponStock stock = wxpay.create(ProductCouponStocks.class).post("1000000013", b -> b
        .brandId("120344")
        .outRequestNo("34657_20250101_123456")
        .stock(s -> s
            .couponCodeMode(CouponCodeMode.WECHATPAY)
            .stockSendRule(r -> r.maxCount(100_000))
            .usageRuleDisplayInfo(d -> d
                .couponUsageMethodList(CouponUsageMethod.OFFLINE)
                .usageDescription("工作日可用"))
            .couponDisplayInfo(c -> c.codeDisplayMode(CodeDisplayMode.QRCODE))
            .notifyConfig(n -> n.notifyAppid("wx23232232323"))
            .storeScope(StoreScope.ALL)));

    assertEquals("1000000013001", stock.stockId());
    assertEquals(StockState.AUDITING, stock.state());
    assertEquals(7, stock.sentCountInfo().totalCount());
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
    ProductCouponStocks stocks = wxpay.create(ProductCouponStocks.class);

    ListProductCouponStocksResponse first =
        stocks.get("1000000013", new ListProductCouponStocksQuery(StockState.SENDING, 1, null, "120344"));
    ListProductCouponStocksResponse second = stocks.get("1000000013",
        new ListProductCouponStocksQuery(null, 1, first.nextPageToken(), "120344"));

    assertEquals(2, first.totalCount());
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
