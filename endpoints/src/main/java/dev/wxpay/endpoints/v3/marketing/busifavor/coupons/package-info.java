/** Merchant-exclusive (busifavor) coupons: {@code v3/marketing/busifavor/coupons/...}. */
@NullMarked
package dev.wxpay.endpoints.v3.marketing.busifavor.coupons;

import org.jspecify.annotations.NullMarked;
