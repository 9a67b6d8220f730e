/**
 * The ready-made WeChat Pay APIv3, generated from the WeChat Pay OpenAPI corpus by wxpay-codegen, one
 * artifact per business family ({@code wxpay-endpoints-payments}, {@code -marketing}, ...); this artifact,
 * {@code wxpay-endpoints}, brings them all.
 *
 * <p>Each interface declares one URL path with {@code @Endpoint}; its records are the JSON models (a
 * component's JSON name is the snake_case of its name unless Moshi's {@code @Json} says otherwise; a
 * component is optional exactly when it is {@code @Nullable}; every field of an answer is optional). Reach
 * an operation by its path, {@code PaymentsApi.of(wxpay).v3().pay().transactions().jsapi()}, or create its
 * client, {@code wxpay.create(Jsapi.class)}.
 *
 * <h2>Names</h2>
 *
 * <ul>
 *   <li>Package: {@code dev.wxpay.endpoints} and the path's static segments but the last, lower case, with
 *       {@code -} as {@code _}: {@code v3/pay/transactions/out-trade-no/{out_trade_no}/close} lives in
 *       {@code dev.wxpay.endpoints.v3.pay.transactions.out_trade_no}.
 *   <li>Interface: the last static segment in UpperCamelCase, plus {@code By} and each placeholder after
 *       it: {@code Close}; {@code v3/refund/domestic/refunds/{out_refund_no}} is {@code RefundsByOutRefundNo}.
 *       Where two paths of a package would share a name, the placeholder before the last segment joins in
 *       with {@code Of} ({@code SendOfCardId}).
 *   <li>Records: {@code <Interface>Request}, {@code <Interface>Response} and {@code <Interface>Query} (with
 *       the HTTP method in between when a path has several, {@code CallbacksPostRequest}); nested objects and
 *       enums are named for their field ({@code Amount}, {@code TradeState}), shared by every operation of the
 *       artifact that has the same shape, in the deepest package only that artifact uses, else in
 *       {@code dev.wxpay.endpoints.<artifact>}.
 * </ul>
 */
@NullMarked
package dev.wxpay.endpoints;

import org.jspecify.annotations.NullMarked;
