package dev.wxpay.annotations;

/**
 * Which WeChat Pay host serves an endpoint, as {@link Endpoint#host()} declares it. A host is a name for
 * a base URI that the runtime holds, one per host; the URLs below are the defaults, and each can be set
 * on {@code WechatPay.Builder} (for example to point both at a local sandbox).
 */
public enum Host {
  /**
   * {@code https://api.mch.weixin.qq.com/}, where most of the API lives; {@code WechatPay.Builder.baseUri}
   * sets it.
   */
  MAINLAND,

  /**
   * {@code https://apihk.mch.weixin.qq.com/}, the Hong Kong host of the cross-border API: the
   * {@code hk/v3/...} operations and some {@code v3/global/...} ones; {@code WechatPay.Builder.hongKongBaseUri}
   * sets it.
   */
  HONG_KONG
}
