package dev.wxpay.endpoints.testing;

import dev.wxpay.annotations.Endpoint;

/** A test endpoint with sensitive fields both ways. */
@Endpoint("v3/testing/payees")
public interface Payees {
  Payee post(Payee payee);
}
