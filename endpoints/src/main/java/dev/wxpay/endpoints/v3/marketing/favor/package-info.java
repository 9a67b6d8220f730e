/** Favor (cash coupon) stocks: creating a stock, {@code v3/marketing/favor/coupon-stocks}. */
@NullMarked
package dev.wxpay.endpoints.v3.marketing.favor;

import org.jspecify.annotations.NullMarked;
