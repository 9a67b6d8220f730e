package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

/**
 * The body of {@link ProductCouponStocks#post}: a stock to add to a product coupon.
 *
 * @param brandId the brand ID
 * @param outRequestNo the brand's request number, for idempotency
 * @param stock the stock to add
 */
public record AddProductCouponStockRequest(
    String brandId,
    String outRequestNo,
    NewProductCouponStock stock) {}
