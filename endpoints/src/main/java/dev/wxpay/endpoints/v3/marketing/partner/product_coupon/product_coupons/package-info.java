/**
 * Operations on one product coupon, for partners: {@code
 * v3/marketing/partner/product-coupon/product-coupons/{product_coupon_id}/...}.
 */
@NullMarked
package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import org.jspecify.annotations.NullMarked;
