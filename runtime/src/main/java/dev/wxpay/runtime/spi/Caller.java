package dev.wxpay.runtime.spi;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** Runs a {@link Call} through the signing, sending and verifying pipeline. Thread-safe. */
public interface Caller {
  /** Runs the call and returns its decoded response; {@code null} for calls without a response body. */
  <R extends @Nullable Object> R execute(Call<R> call);

  /** Like {@link #execute} without blocking the calling thread. */
  <R extends @Nullable Object> CompletableFuture<R> executeAsync(Call<R> call);
}
