package dev.wxpay.runtime.spi;

/** Implemented by every generated builder. */
public interface ModelBuilder<T> {
  /**
   * Builds the value.
   *
   * @throws dev.wxpay.runtime.MissingFieldsException naming every required field not set
   */
  T build();
}
