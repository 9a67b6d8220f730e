package dev.wxpay.spring.boot;

import org.jspecify.annotations.Nullable;

/**
 * A {@code wxpay.*} property that cannot make a working client: its message starts with the property's name
 * and says what is wrong, without key material. Start-up fails with it.
 */
public class InvalidWxpayPropertyException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String property;
  private final String reason;

  public InvalidWxpayPropertyException(String property, String reason) {
    this(property, reason, null);
  }

  public InvalidWxpayPropertyException(String property, String reason, @Nullable Throwable cause) {
    super(property + ": " + reason, cause);
    this.property = property;
    this.reason = reason;
  }

  /** The property at fault, e.g. {@code wxpay.private-key}. */
  public String getProperty() {
    return property;
  }

  /** What is wrong with it. */
  public String getReason() {
    return reason;
  }
}
