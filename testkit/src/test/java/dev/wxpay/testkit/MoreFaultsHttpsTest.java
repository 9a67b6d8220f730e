package dev.wxpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every test of {@link MoreFaultsTest} again, over HTTPS. */
class MoreFaultsHttpsTest extends MoreFaultsTest {
  // Hides the superclass's, so JUnit starts this sandbox instead.
  @BeforeAll
  static void startSandbox() {
    sandbox = TestKeys.sandbox().https().start();
  }

  @Test
  void servesHttps() {
    assertEquals("https", sandbox.baseUri().getScheme());
  }
}
