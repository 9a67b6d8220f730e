package dev.wxpay.codegen.corpus;

/** Which API an operation belongs to, by the corpus folder its file sits in. */
public enum Area {
  /** {@code v3/}: api.mch.weixin.qq.com. */
  V3,
  /** {@code hk/v3/}: the Hong Kong API. */
  HK_V3,
  /** {@code global/v3/}. */
  GLOBAL_V3,
  /** {@code v2/}: the XML API, out of scope for the JSON generator. */
  V2;

  static Area of(String file) {
    if (file.startsWith("v3/")) {
      return V3;
    }
    if (file.startsWith("hk/v3/")) {
      return HK_V3;
    }
    if (file.startsWith("global/v3/")) {
      return GLOBAL_V3;
    }
    if (file.startsWith("v2/")) {
      return V2;
    }
    throw new IllegalArgumentException("a path file outside v3/, hk/v3/, global/v3/ and v2/: " + file);
  }

  /** Whether the API speaks JSON (everything but v2). */
  public boolean isJson() {
    return this != V2;
  }
}
