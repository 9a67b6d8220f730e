package dev.wxpay.runtime.spi;

import dev.wxpay.runtime.MissingFieldsException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Helpers for generated builders' {@code build()}: they collect the JSON paths of missing required
 * fields, nested ones included, so that one exception names them all.
 */
public final class Builders {
  private Builders() {}

  /** Adds {@code path} to {@code missing} when a required value is null. */
  public static void require(@Nullable Object value, String path, List<String> missing) {
    if (value == null) {
      missing.add(path);
    }
  }

  /** Builds a nested value, adding its missing fields under {@code path}. */
  public static <T> @Nullable T build(
      @Nullable ModelBuilder<T> builder, String path, boolean required, List<String> missing) {
    if (builder == null) {
      if (required) {
        missing.add(path);
      }
      return null;
    }
    try {
      return builder.build();
    } catch (MissingFieldsException e) {
      for (String nested : e.paths()) {
        missing.add(path + "." + nested);
      }
      return null;
    }
  }

  /** Builds a list of nested values, naming missing fields by index, e.g. {@code items[1].name}. */
  public static <T> @Nullable List<T> buildAll(
      @Nullable List<? extends ModelBuilder<T>> builders,
      String path,
      boolean required,
      List<String> missing) {
    if (builders == null) {
      if (required) {
        missing.add(path);
      }
      return null;
    }
    List<T> values = new ArrayList<>(builders.size());
    for (int i = 0; i < builders.size(); i++) {
      T value = build(builders.get(i), path + "[" + i + "]", true, missing);
      if (value != null) {
        values.add(value);
      }
    }
    return List.copyOf(values);
  }
}
