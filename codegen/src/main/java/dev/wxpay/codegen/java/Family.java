package dev.wxpay.codegen.java;

import dev.wxpay.codegen.corpus.ApiOperation;
import java.util.List;

/**
 * An endpoint artifact: the URL path prefixes it owns. Artifacts are cut by path, not by the corpus's tags,
 * because a package follows the path and must never be split across two jars; the prefixes were chosen
 * from the tags (基础支付 and its relatives for payments). An operation belongs to the artifact with the
 * longest prefix of its path.
 *
 * @param name the artifact's short name: {@code wxpay-endpoints-<name>}, folder {@code endpoints/<name>}
 * @param prefixes URL path prefixes: ending in {@code /} for everything below, else one path and below
 */
public record Family(String name, String title, List<String> prefixes) {
  /** Every artifact of the API. */
  public static final List<Family> ALL = List.of(
      new Family("payments", "基础支付: orders, refunds, bills",
          List.of("/v3/pay/", "/v3/refund/", "/v3/bill/", "/v3/billdownload/", "/v3/combine-transactions/")),
      new Family("marketing", "营销工具/运营工具: coupons, merchant coupons, gift activities",
          List.of("/v3/marketing/", "/v3/payroll-card/", "/v3/multiuse/", "/v3/industry-coupon/")),
      new Family("ecommerce", "收付通 and platform solutions: sub-merchants, profit sharing, withdrawals",
          List.of("/v3/ecommerce/", "/v3/platsolution/", "/v3/funds-to-oversea/", "/v3/abnormal-fund-processing/",
              "/v3/mch_operate/", "/v3/merchant/")),
      new Family("fund", "资金应用: transfers, profit sharing, red packets",
          List.of("/v3/fund-app/", "/v3/transfer/", "/v3/bank-transfer/", "/v3/partner-transfer/",
              "/v3/bank-batch-transfer/", "/v3/profitsharing/", "/v3/merchantfund/", "/v3/transfer-detail/",
              "/v3/transferdownload/", "/v3/recharge/")),
      new Family("payscore", "支付分: service orders, plans, discount cards, vehicles",
          List.of("/v3/payscore/", "/v3/discount-card/", "/v3/vehicle/")),
      new Family("crossborder", "跨境: global payments, the Hong Kong API, customs",
          List.of("/v3/global/", "/hk/", "/global/")),
      new Family("business", "经营工具: brands, member cards, e-invoices, stores",
          List.of("/v3/brand/", "/v3/brand-basic/", "/v3/new-tax-control-fapiao/", "/v3/goldplan/",
              "/v3/merchant-store/", "/v3/businesscircle/", "/v3/smartguide/", "/v3/catering/", "/v3/security/",
              "/v3/marketing/membercard-open/", "/v3/marketing/membercard-activity/", "/v3/taxi-invoice/",
              "/v3/pay-devices/", "/v3/industry-rebate/")),
      new Family("industry", "委托代扣 and industry solutions: contracts, deductions, face pay, transit",
          List.of("/v3/papay/", "/v3/partner-papay/", "/v3/password-exempt-contract/", "/v3/edu-papay/",
              "/v3/eduschoolpay/", "/v3/ebike/", "/v3/parking/", "/v3/credit-repayment/", "/v3/repayment/",
              "/v3/offlineface/", "/v3/offlinefacemch/", "/v3/facemch/", "/v3/iotmanage/", "/v3/palmservice/",
              "/v3/qrcode/", "/v3/med-ins/", "/v3/hire-power-bank/", "/v3/lovefeast/", "/v3/edu-star/",
              "/v3/inspolicymgr/", "/v3/webizpay/", "/v3/express/")),
      new Family("partner", "服务商: applyments, merchant management",
          List.of("/v3/applyment4sub/", "/v3/apply4sub/", "/v3/mchalterapply/", "/v3/mch-manage/",
              "/v3/transaction-block/", "/v3/merchant-settlement/", "/v3/aggracct-bc/", "/v3/realname/")),
      new Family("risk", "风险合规: complaints, risk management",
          List.of("/v3/merchant-service/", "/v3/merchant-risk-manage/", "/v3/apply4subject/", "/v3/compliance/",
              "/v3/mch-operation-manage/")),
      new Family("gov", "国补专区: government subsidies",
          List.of("/v3/gov/")),
      new Family("common", "通用接口: certificates, media uploads, capital data",
          List.of("/v3/certificates", "/v3/webhooks", "/v3/merchant/media/", "/v3/rate-activity/", "/v3/capital/")));

  /** The artifact of a URL path: the one with the longest matching prefix, or null. */
  public static Family of(String path) {
    Family best = null;
    int length = -1;
    for (Family family : ALL) {
      for (String prefix : family.prefixes) {
        boolean matches = prefix.endsWith("/") ? path.startsWith(prefix)
            : path.equals(prefix) || path.startsWith(prefix + "/");
        if (matches && prefix.length() > length) {
          best = family;
          length = prefix.length();
        }
      }
    }
    return best;
  }

  public boolean owns(ApiOperation operation) {
    return of(operation.path()) == this;
  }

  /** The artifact's own package, for the shapes its packages share: {@code dev.wxpay.endpoints.payments}. */
  public String sharedPackage() {
    return Names.ROOT_PACKAGE + "." + Names.packageSegment(name);
  }

  public String artifactId() {
    return "wxpay-endpoints-" + name;
  }
}
