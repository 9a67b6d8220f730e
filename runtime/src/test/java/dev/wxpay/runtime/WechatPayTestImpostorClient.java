package dev.wxpay.runtime;

/** A class under WechatPayTest.Impostor's client name that is not its client. */
public final class WechatPayTestImpostorClient {}
