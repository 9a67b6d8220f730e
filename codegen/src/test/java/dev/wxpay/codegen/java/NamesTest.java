package dev.wxpay.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void packagesFollowThePathWithoutPlaceholdersOrTheLastStaticSegment() {
    assertEquals("dev.wxpay.endpoints.v3.pay.transactions", Names.packageOf("/v3/pay/transactions/jsapi"));
    assertEquals("dev.wxpay.endpoints.v3.pay.transactions.out_trade_no",
        Names.packageOf("/v3/pay/transactions/out-trade-no/{out_trade_no}/close"));
    assertEquals("dev.wxpay.endpoints.hk.v3.x._2fa.package_", Names.packageOf("/hk/v3/x/2fa/package/{id}/y"));
  }

  @Test
  void interfacesAreTheLastStaticSegmentAndThePlaceholdersAfterIt() {
    assertEquals("Jsapi", Names.interfaceName("/v3/pay/transactions/jsapi"));
    assertEquals("Close", Names.interfaceName("/v3/pay/transactions/out-trade-no/{out_trade_no}/close"));
    assertEquals("RefundsByOutRefundNo", Names.interfaceName("/v3/refund/domestic/refunds/{out_refund_no}"));
    assertEquals("ItemsByAByB", Names.interfaceName("/v3/items/{a}/{b}"));
  }

  @Test
  void aClashTakesThePlaceholderBeforeTheName() {
    assertEquals("SendOfCardId", Names.qualifiedInterfaceName("/v3/marketing/busifavor/coupons/{card_id}/send"));
    assertEquals("CancelOfBusinessCodeByX", Names.qualifiedInterfaceName("/v3/a/{business_code}/cancel/{x}"));
    assertNull(Names.qualifiedInterfaceName("/v3/marketing/busifavor/coupons/send"));
  }

  @Test
  void fieldsAreLowerCamelAndNeverAKeywordOrAMemberTheRecordHas() {
    assertEquals("outTradeNo", Names.lowerCamel("out_trade_no"));
    assertEquals("packageValue", Names.lowerCamel("package"));
    assertEquals("fromValue", Names.lowerCamel("from"));
    assertEquals("payerCurrency", Names.lowerCamel("payer _currency"));
    assertEquals("out_trade_no", Names.snakeCase("outTradeNo"));
    assertEquals("sub_mchid1", Names.snakeCase(Names.lowerCamel("sub_mchid_1")), "differs, so @Json is written");
  }

  @Test
  void enumConstantsAreUpperSnakeOrNothing() {
    assertEquals("SUCCESS", Names.enumConstant("SUCCESS"));
    assertEquals("V_3", Names.enumConstant("3"));
    assertEquals("WX_PAY", Names.enumConstant("wx.pay"));
    assertNull(Names.enumConstant("已支付"));
  }
}
