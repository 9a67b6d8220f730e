package dev.wxpay.runtime.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Implemented by every generated builder. */
public interface ModelBuilder<T> {
  /**
   * Builds the value.
   *
   * @throws IllegalStateException ({@code MissingFieldsException}) naming every required field not set
   */
  T build();

  /**
   * Builds the value as part of an enclosing one: adds the JSON path of every required field not set,
   * below {@code path} ({@code ""} at the top), to {@code missing}, and returns null if there were any.
   */
  @Nullable T build(String path, List<String> missing);
}
