package dev.wxpay.endpoints.payments;

import static dev.wxpay.runtime.Fuzz.documented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.wxpay.endpoints.v3.pay.transactions.JsapiRequestJsonAdapter;
import dev.wxpay.endpoints.v3.pay.transactions.OutTradeNoByOutTradeNoResponseJsonAdapter;
import dev.wxpay.endpoints.v3.refund.domestic.RefundsResponseJsonAdapter;
import dev.wxpay.runtime.Fuzz;
import dev.wxpay.runtime.FuzzInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Hostile JSON into adapters the processor generated for real models (a transaction with enums, nested
 * objects, lists and date-times; a refund; a JSAPI order with required fields). A generated adapter
 * documents Moshi's contract: {@link IOException} for malformed JSON, {@link JsonDataException} for JSON of
 * the wrong shape (the call then fails with a {@code WechatPayException}). Anything else leaking from
 * generated code (NumberFormatException, ClassCastException, IllegalStateException, ...) is a finding.
 */
class GeneratedAdaptersFuzzTest {
  static final String TRANSACTION = "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1230000109\","
      + "\"out_trade_no\":\"1217752501201407033233368018\",\"transaction_id\":\"1217752501201407033233368018\","
      + "\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\",\"bank_type\":\"CMC\","
      + "\"attach\":\"自定义数据\",\"success_time\":\"2018-06-08T10:34:56+08:00\",\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
      + "\"amount\":{\"total\":100,\"payer_total\":100,\"currency\":\"CNY\",\"payer_currency\":\"CNY\"},"
      + "\"scene_info\":{\"device_id\":\"013467007045764\"},\"limit_pay\":[\"no_credit\"],"
      + "\"promotion_detail\":[{\"coupon_id\":\"109519\",\"amount\":100,\"goods_detail\":[{\"goods_id\":\"M1006\","
      + "\"quantity\":1,\"unit_price\":100,\"discount_amount\":1}]}]}";
  static final String REFUND = "{\"refund_id\":\"50000000382019052709732678859\",\"out_refund_no\":\"1217752501201407033233368018\","
      + "\"transaction_id\":\"1217752501201407033233368018\",\"out_trade_no\":\"1217752501201407033233368018\","
      + "\"channel\":\"ORIGINAL\",\"user_received_account\":\"招商银行信用卡0403\",\"success_time\":\"2020-12-01T16:18:12+08:00\","
      + "\"create_time\":\"2020-12-01T16:18:12+08:00\",\"status\":\"SUCCESS\",\"funds_account\":\"UNSETTLED\","
      + "\"amount\":{\"total\":100,\"refund\":100,\"from\":[{\"account\":\"AVAILABLE\",\"amount\":444}],\"payer_total\":90,"
      + "\"payer_refund\":90,\"settlement_refund\":100,\"settlement_total\":100,\"discount_refund\":10,\"currency\":\"CNY\"},"
      + "\"promotion_detail\":[{\"promotion_id\":\"109519\",\"scope\":\"SINGLE\",\"type\":\"DISCOUNT\",\"amount\":5,"
      + "\"refund_amount\":100,\"goods_detail\":[{\"merchant_goods_id\":\"1217752501201407033233368018\",\"unit_price\":100,"
      + "\"refund_amount\":100,\"refund_quantity\":1}]}]}";
  static final String JSAPI = "{\"appid\":\"wxd678efh567hg6787\",\"mchid\":\"1230000109\",\"description\":\"Image形象店-深圳腾大-QQ公仔\","
      + "\"out_trade_no\":\"1217752501201407033233368018\",\"time_expire\":\"2018-06-08T10:34:56.123+08:00\","
      + "\"notify_url\":\"https://www.weixin.qq.com/wxpay/pay.php\",\"amount\":{\"total\":100,\"currency\":\"CNY\"},"
      + "\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},\"support_fapiao\":false,"
      + "\"detail\":{\"cost_price\":608800,\"goods_detail\":[{\"merchant_goods_id\":\"1246464644\",\"quantity\":1,\"unit_price\":528800}]}}";

  // A surrogate escape, or a fraction of seconds finer than milliseconds: what is read then changes once.
  private static final Pattern LOSSY = Pattern.compile("(?i)\\\\u+d[89a-f]|:\\d\\d\\.\\d{4}");

  static byte[] json(Random random, String valid) {
    return switch (random.nextInt(6)) {
      case 0, 1, 2 -> FuzzInputs.mutateJson(random, valid);
      case 3, 4 -> FuzzInputs.mutate(random, valid.getBytes(StandardCharsets.UTF_8));
      default -> random.nextBoolean() ? FuzzInputs.hostile(random) : FuzzInputs.randomJson(random).getBytes(StandardCharsets.UTF_8);
    };
  }

  /** Reads one whole document, as the runtime does, and checks that what was read writes and reads back. */
  static <T> void decodes(JsonAdapter<T> adapter, byte[] json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().write(json));
    T value = adapter.fromJson(reader);
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new JsonDataException("JSON document was not fully consumed");
    }
    if (value != null) {
      String written = adapter.toJson(value);
      T again = adapter.fromJson(written);
      assertEquals(written, adapter.toJson(again));
      if (!LOSSY.matcher(new String(json, StandardCharsets.UTF_8)).find()) {
        assertEquals(value, again);
      }
    }
  }

  private static <T> void fuzz(String name, JsonAdapter<T> adapter, String valid) throws IOException {
    assertNotNull(adapter.fromJson(valid), "the seed document reads");
    Fuzz.forAllBytes(name, 1500, r -> json(r, valid), json -> decodes(adapter, json),
        documented(IOException.class, JsonDataException.class));
  }

  @Test
  void transaction() throws IOException {
    fuzz("OutTradeNoByOutTradeNoResponseJsonAdapter", OutTradeNoByOutTradeNoResponseJsonAdapter.INSTANCE, TRANSACTION);
  }

  @Test
  void refund() throws IOException {
    fuzz("RefundsResponseJsonAdapter", RefundsResponseJsonAdapter.INSTANCE, REFUND);
  }

  @Test
  void jsapiOrder() throws IOException {
    fuzz("JsapiRequestJsonAdapter", JsapiRequestJsonAdapter.INSTANCE, JSAPI);
  }
}
