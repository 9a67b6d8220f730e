package dev.wxpay.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Makes a bad {@code wxpay.*} property the headline of a failed start ("APPLICATION FAILED TO START"),
 * rather than the bean-creation stack trace around it.
 */
class WxpayPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidWxpayPropertyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidWxpayPropertyException cause) {
    return new FailureAnalysis("The WeChat Pay client could not be made: " + cause.getMessage(),
        "Fix the property " + cause.getProperty() + " in your configuration.", cause);
  }
}
