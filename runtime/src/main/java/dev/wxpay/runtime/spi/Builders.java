package dev.wxpay.runtime.spi;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Helpers for generated builders: they collect the JSON paths of missing required fields, nested ones
 * included, so that one exception names them all.
 */
public final class Builders {
  private Builders() {}

  /** The JSON path of {@code name} below {@code path}: {@code rule.max_amount}, or {@code name} at the top. */
  public static String path(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Adds the path of {@code name} to {@code missing} when a required value is null. */
  public static void require(@Nullable Object value, String path, String name, List<String> missing) {
    if (value == null) {
      missing.add(path(path, name));
    }
  }

  /** Builds a nested value, adding its missing fields below {@code path.name}. */
  public static <T> @Nullable T build(@Nullable ModelBuilder<T> builder, String path, String name,
      boolean required, List<String> missing) {
    if (builder == null) {
      if (required) {
        missing.add(path(path, name));
      }
      return null;
    }
    return builder.build(path(path, name), missing);
  }

  /** Builds a list of nested values, naming missing fields by index, e.g. {@code items[1].name}. */
  public static <T> @Nullable List<T> buildAll(@Nullable List<? extends ModelBuilder<T>> builders, String path,
      String name, boolean required, List<String> missing) {
    String listPath = path(path, name);
    if (builders == null) {
      if (required) {
        missing.add(listPath);
      }
      return null;
    }
    List<T> values = new ArrayList<>(builders.size());
    for (int i = 0; i < builders.size(); i++) {
      T value = builders.get(i).build(listPath + "[" + i + "]", missing);
      if (value != null) {
        values.add(value);
      }
    }
    return List.copyOf(values);
  }
}
