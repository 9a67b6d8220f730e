package golden;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Path;

/** Stock goes both ways: ListStocks answers with it, this takes it as the body, so it has a builder. */
@Endpoint("v3/marketing/partner/product-coupon/product-coupons/{product_coupon_id}/stocks/{stock_id}")
public interface ModifyStock {
  Stock patch(
      @Path("product_coupon_id") String productCouponId, @Path("stock_id") String stockId, Stock body);
}
