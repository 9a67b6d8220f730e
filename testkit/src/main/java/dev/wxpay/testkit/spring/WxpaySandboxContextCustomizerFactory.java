package dev.wxpay.testkit.spring;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Spring's test framework finds this (META-INF/spring.factories) and asks it about each test class. */
public final class WxpaySandboxContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    AutoConfigureWxpaySandbox annotation =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureWxpaySandbox.class);
    return annotation == null ? null : new WxpaySandboxContextCustomizer(annotation.verification());
  }
}
