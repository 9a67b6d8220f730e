/** Endpoints under {@code v3/bill}. */
@NullMarked
package dev.wxpay.endpoints.v3.bill;

import org.jspecify.annotations.NullMarked;
