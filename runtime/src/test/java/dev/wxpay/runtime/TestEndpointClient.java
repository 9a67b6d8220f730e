package dev.wxpay.runtime;

import dev.wxpay.runtime.spi.Caller;

/** What the processor would generate for {@link TestEndpoint}: found by name, beside the interface. */
public final class TestEndpointClient implements TestEndpoint {
  private final Caller caller;

  public TestEndpointClient(Caller caller) {
    this.caller = caller;
  }

  @Override
  public Caller caller() {
    return caller;
  }
}
