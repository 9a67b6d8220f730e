package dev.wxpay.runtime;

/** A class under WechatPayTest.Impostor's client name that is not its client; it must never be initialised. */
public final class WechatPayTestImpostorClient {
  static {
    if (true) {
      throw new IllegalStateException("create() initialised a class that is not the client");
    }
  }
}
