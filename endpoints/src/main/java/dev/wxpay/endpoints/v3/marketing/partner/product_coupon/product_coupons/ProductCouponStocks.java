package dev.wxpay.endpoints.v3.marketing.partner.product_coupon.product_coupons;

import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Path;
import dev.wxpay.annotations.Query;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The stocks of a product coupon, for partners acting for a brand: adds a stock (the "add a product coupon
 * stock" API) and lists the stocks page by page (the "list product coupon stocks" API).
 */
@Endpoint("v3/marketing/partner/product-coupon/product-coupons/{product_coupon_id}/stocks")
public interface ProductCouponStocks {
  /**
   * Adds a stock to the product coupon.
   *
   * @param productCouponId the product coupon
   * @param body the brand, the request number and the stock
   * @return the new stock
   */
  ProductCouponStock post(
      @Path("product_coupon_id") String productCouponId, AddProductCouponStockRequest body);

  /**
   * Adds a stock to the product coupon, with a body filled in by {@code body}.
   *
   * @param productCouponId the product coupon
   * @param body fills the request, e.g. {@code b -> b.brandId("120344").stock(s -> s.remark("...")...)}
   * @return the new stock
   */
  ProductCouponStock post(
      @Path("product_coupon_id") String productCouponId,
      Consumer<AddProductCouponStockRequestBuilder> body);

  /**
   * Adds a stock to the product coupon without blocking.
   *
   * @param productCouponId the product coupon
   * @param body the brand, the request number and the stock
   * @return completes with the new stock
   */
  CompletableFuture<ProductCouponStock> postAsync(
      @Path("product_coupon_id") String productCouponId, AddProductCouponStockRequest body);

  /**
   * Lists one page of the stocks of the product coupon. Pass the answer's {@code nextPageToken} as the
   * next query's {@code pageToken} to read the next page.
   *
   * @param productCouponId the product coupon
   * @param query the brand, an optional state filter and the page
   * @return one page of stocks and the total count
   */
  ListProductCouponStocksResponse get(
      @Path("product_coupon_id") String productCouponId, @Query ListProductCouponStocksQuery query);

  /**
   * Lists one page of the stocks of the product coupon without blocking.
   *
   * @param productCouponId the product coupon
   * @param query the brand, an optional state filter and the page
   * @return completes with one page of stocks and the total count
   */
  CompletableFuture<ListProductCouponStocksResponse> getAsync(
      @Path("product_coupon_id") String productCouponId, @Query ListProductCouponStocksQuery query);
}
