package dev.wxpay.runtime;

import dev.wxpay.runtime.spi.Caller;
import dev.wxpay.runtime.spi.EndpointFactory;

/** What the processor would generate for {@link TestEndpoint}; registered in META-INF/services. */
public final class TestEndpointFactory implements EndpointFactory<TestEndpoint> {
  /** ServiceLoader calls it. */
  public TestEndpointFactory() {}

  @Override
  public Class<TestEndpoint> endpointType() {
    return TestEndpoint.class;
  }

  @Override
  public TestEndpoint create(Caller caller) {
    return () -> caller;
  }
}
