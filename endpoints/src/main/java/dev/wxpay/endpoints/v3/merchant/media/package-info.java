/** Endpoints under {@code v3/merchant/media}. */
@NullMarked
package dev.wxpay.endpoints.v3.merchant.media;

import org.jspecify.annotations.NullMarked;
