/** Endpoints under {@code v3/billdownload}. */
@NullMarked
package dev.wxpay.endpoints.v3.billdownload;

import org.jspecify.annotations.NullMarked;
