package dev.wxpay.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EndpointTest {
  @Test
  void hostDefaultsToTheMainland() throws NoSuchMethodException {
    // Existing declarations, which name no host, must keep going where they always went.
    assertEquals(Host.MAINLAND, Endpoint.class.getMethod("host").getDefaultValue());
  }
}
