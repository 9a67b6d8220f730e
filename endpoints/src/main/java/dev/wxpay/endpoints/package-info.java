/**
 * Ready-made endpoint declarations and models for the WeChat Pay APIv3.
 *
 * <p>Each interface declares one path with {@code @Endpoint}; a client comes from
 * {@code wxpay.create(RestartStock.class)}. Records are the JSON models: a component's JSON name is the
 * snake_case of its name unless Moshi's {@code @Json} says otherwise, and a component is optional exactly
 * when it is {@code @Nullable}. String enums of the API are Java enums whose constants are the wire values.
 *
 * <h2>Where a declaration lives</h2>
 *
 * <p>The package of an endpoint mirrors its path: it is {@code dev.wxpay.endpoints} followed by the path's
 * static segments, leaving out the placeholders and the last static segment. Each segment is lowercased
 * and a {@code -} becomes {@code _}. So
 *
 * <ul>
 *   <li>{@code v3/marketing/favor/stocks/<stock_id>/restart} lives in {@code ...v3.marketing.favor.stocks};
 *   <li>{@code v3/marketing/favor/coupon-stocks} lives in {@code ...v3.marketing.favor};
 *   <li>{@code v3/marketing/busifavor/coupons/send} lives in {@code ...v3.marketing.busifavor.coupons};
 *   <li>{@code v3/marketing/partner/product-coupon/product-coupons/{product_coupon_id}/stocks} lives in
 *       {@code ...v3.marketing.partner.product_coupon.product_coupons}.
 * </ul>
 *
 * <p>The interface is named for the last static segment: an action reads as a verb and its object
 * ({@code restart} → {@code RestartStock}, {@code send} → {@code SendBusifavorCoupon}), a collection as
 * its plural noun ({@code coupon-stocks} → {@code CouponStocks}, {@code stocks} →
 * {@code ProductCouponStocks}). Its models are top-level records in the same package, named for the
 * operation ({@code RestartStockRequest}, {@code RestartStockResponse}) or, for nested objects and
 * entities, for their meaning ({@code StockUseRule}, {@code ProductCouponStock}).
 */
@NullMarked
package dev.wxpay.endpoints;

import org.jspecify.annotations.NullMarked;
