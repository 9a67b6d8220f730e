package dev.wxpay.testkit.spring;

import dev.wxpay.testkit.WechatPaySandbox;
import java.util.Map;
import java.util.Set;

/** The sandboxes of a test context by merchant: {@code default}, and the names under {@code wxpay.merchants}. */
public final class WxpaySandboxes {

  private final Map<String, WechatPaySandbox> byMerchant;

  WxpaySandboxes(Map<String, WechatPaySandbox> byMerchant) {
    this.byMerchant = Map.copyOf(byMerchant);
  }

  /**
   * The sandbox standing in for WeChat Pay for {@code merchant}.
   *
   * @throws IllegalArgumentException if the context has no such merchant
   */
  public WechatPaySandbox of(String merchant) {
    WechatPaySandbox sandbox = byMerchant.get(merchant);
    if (sandbox == null) {
      throw new IllegalArgumentException("no merchant " + merchant + "; the merchants are " + byMerchant.keySet());
    }
    return sandbox;
  }

  public Set<String> merchants() {
    return byMerchant.keySet();
  }

  /** Clears every sandbox's recorded requests, stubs and bills, e.g. between tests sharing a context. */
  public void clear() {
    byMerchant.values().forEach(sandbox -> {
      sandbox.clear();
      sandbox.clearStubs();
      sandbox.clearBills();
    });
  }

  @Override
  public String toString() {
    return "WxpaySandboxes" + byMerchant.keySet();
  }
}
