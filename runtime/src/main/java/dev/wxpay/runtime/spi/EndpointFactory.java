package dev.wxpay.runtime.spi;

/**
 * Creates the generated implementation of one endpoint interface. Generated code registers one factory
 * per {@code @Endpoint} interface in {@code META-INF/services/dev.wxpay.runtime.spi.EndpointFactory}, so
 * {@code WechatPay.create} finds implementations without reflection on the call path.
 */
public interface EndpointFactory<T> {
  Class<T> endpointType();

  T create(Caller caller);
}
