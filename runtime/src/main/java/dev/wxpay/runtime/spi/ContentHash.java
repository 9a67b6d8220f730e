package dev.wxpay.runtime.spi;

/** The hash an unsigned download must match; implemented by the runtime's {@code DownloadHash}. */
public interface ContentHash {
  /** {@code SHA1} or {@code SM3}. */
  String type();

  /** The expected digest, hex. */
  String value();
}
