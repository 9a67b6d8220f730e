package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import org.jspecify.annotations.Nullable;

/**
 * The query parameters of {@link ProductCouponStocks#get}.
 *
 * @param state only stocks in this state
 * @param pageSize the page size
 * @param pageToken the page to read: the {@code next_page_token} of the previous page; none for the
 *     first page
 * @param brandId the brand ID
 */
public record ListProductCouponStocksQuery(
    @Nullable StockState state,
    @Nullable Integer pageSize,
    @Nullable String pageToken,
    String brandId) {}
