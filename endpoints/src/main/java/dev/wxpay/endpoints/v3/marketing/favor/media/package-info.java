/** Endpoints under {@code v3/marketing/favor/media}. */
@NullMarked
package dev.wxpay.endpoints.v3.marketing.favor.media;

import org.jspecify.annotations.NullMarked;
