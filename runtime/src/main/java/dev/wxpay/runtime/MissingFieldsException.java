package dev.wxpay.runtime;

import java.util.List;

/**
 * Thrown by a generated builder's {@code build()} when required fields are not set. The message names
 * every missing field by JSON path, nested ones included, e.g.
 * {@code missing required fields: stock_use_rule.max_coupons, out_request_no}.
 */
public final class MissingFieldsException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final List<String> paths;

  public MissingFieldsException(List<String> paths) {
    super("missing required fields: " + String.join(", ", paths));
    this.paths = List.copyOf(paths);
  }

  /** The JSON paths of the missing fields, in declaration order. */
  public List<String> paths() {
    return paths;
  }
}
