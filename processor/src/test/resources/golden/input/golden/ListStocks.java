package golden;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Header;
import dev.wxpay.annotations.Path;
import dev.wxpay.annotations.Query;
import org.jspecify.annotations.Nullable;

@Endpoint("v3/marketing/partner/product-coupon/product-coupons/{product_coupon_id}/stocks")
public interface ListStocks {
  StockPage get(
      @Path("product_coupon_id") String productCouponId,
      @Query StockQuery query,
      @Header("Idempotency-Key") @Nullable String idempotencyKey);

  void delete(@Path("product_coupon_id") long id, @Query("state") StockState state);

  Payee put(@Path("product_coupon_id") long id, Payee payee);
}
