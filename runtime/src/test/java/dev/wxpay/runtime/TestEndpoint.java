package dev.wxpay.runtime;

import dev.wxpay.runtime.spi.Caller;

/** Stands in for an {@code @Endpoint} interface whose implementation the processor would generate. */
public interface TestEndpoint {
  Caller caller();
}
