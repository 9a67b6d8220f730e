@NullMarked
package dev.wxpay.endpoints.testing;

import org.jspecify.annotations.NullMarked;
