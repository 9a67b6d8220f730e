package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the stocks of a product coupon, the answer of {@link ProductCouponStocks#get}.
 *
 * @param totalCount the number of stocks across all pages
 * @param nextPageToken the token of the next page; none on the last page
 * @param stockList the stocks on this page
 */
public record ListProductCouponStocksResponse(
    long totalCount,
    @Nullable String nextPageToken,
    @Nullable List<ProductCouponStock> stockList) {}
