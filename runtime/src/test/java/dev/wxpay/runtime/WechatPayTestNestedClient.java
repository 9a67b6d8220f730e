package dev.wxpay.runtime;

import dev.wxpay.runtime.spi.Caller;

/** What the processor would generate for the nested {@link WechatPayTest.Nested}. */
public final class WechatPayTestNestedClient implements WechatPayTest.Nested {
  private final Caller caller;

  public WechatPayTestNestedClient(Caller caller) {
    this.caller = caller;
  }

  @Override
  public Caller caller() {
    return caller;
  }
}
