/** The wxpay runtime: {@link dev.wxpay.runtime.WechatPay} and the exceptions a call may throw. */
@NullMarked
package dev.wxpay.runtime;

import org.jspecify.annotations.NullMarked;
