/** Operations on one favor (cash coupon) stock: {@code v3/marketing/favor/stocks/<stock_id>/...}. */
@NullMarked
package dev.wxpay.endpoints.v3.marketing.favor.stocks;

import org.jspecify.annotations.NullMarked;
