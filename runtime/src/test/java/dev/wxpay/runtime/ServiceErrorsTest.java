package dev.wxpay.runtime;

import static dev.wxpay.runtime.TestKeys.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ServiceErrorsTest {
  @Test
  void readsCodeMessageDetailAndRequestId() {
    String detail =
        "{\"field\":\"/amount/total\",\"value\":1.50,\"issue\":\"must be an integer\",\"location\":\"body\"}";
    ServiceException e = ServiceErrors.parse(400,
        utf8("{\"code\":\"PARAM_ERROR\",\"extra\":[1,{}],\"message\":\"参数错误\",\"detail\":" + detail + "}"),
        "08F78BB106C0B5A5A0B2B6A4F5B3F6F70C1C");
    assertEquals(400, e.statusCode());
    assertEquals("PARAM_ERROR", e.code());
    assertEquals("参数错误", e.errorMessage());
    assertEquals(detail, e.detail());
    assertEquals("08F78BB106C0B5A5A0B2B6A4F5B3F6F70C1C", e.requestId());
    assertEquals(
        "HTTP 400 PARAM_ERROR: 参数错误 (Request-ID 08F78BB106C0B5A5A0B2B6A4F5B3F6F70C1C)", e.getMessage());
  }

  @Test
  void emptyBodyKeepsStatusAndRequestId() {
    ServiceException e = ServiceErrors.parse(502, new byte[0], "REQ1");
    assertEquals(502, e.statusCode());
    assertNull(e.code());
    assertNull(e.errorMessage());
    assertNull(e.detail());
    assertEquals("REQ1", e.requestId());
    assertEquals("HTTP 502 (Request-ID REQ1)", e.getMessage());
  }

  @Test
  void htmlBodyIsNotAnError() {
    ServiceException e = ServiceErrors.parse(
        503, utf8("<html><body><h1>503 Service Unavailable</h1></body></html>"), null);
    assertEquals(503, e.statusCode());
    assertNull(e.code());
    assertNull(e.errorMessage());
    assertNull(e.detail());
    assertNull(e.requestId());
    assertEquals("HTTP 503", e.getMessage());
  }

  @Test
  void otherJsonShapesAreTolerated() {
    ServiceException array = ServiceErrors.parse(500, utf8("[\"code\"]"), null);
    assertNull(array.code());

    ServiceException numbers = ServiceErrors.parse(429, utf8("{\"code\":42,\"message\":null,\"detail\":null}"), null);
    assertEquals("42", numbers.code());
    assertNull(numbers.errorMessage());
    assertNull(numbers.detail());
    assertEquals("HTTP 429 42", numbers.getMessage());

    ServiceException truncated = ServiceErrors.parse(500, utf8("{\"code\":\"SYSTEM_ERROR\",\"message\":\"系"), null);
    assertEquals("SYSTEM_ERROR", truncated.code());
    assertNull(truncated.errorMessage());
  }

  @Test
  void messageWithoutCode() {
    ServiceException e = ServiceErrors.parse(404, utf8("{\"message\":\"not found\"}"), null);
    assertEquals("HTTP 404 not found", e.getMessage());
  }

  @Test
  void serverTextCannotForgeLogLines() {
    String message = "bad\r\n2026-01-01 INFO payment succeeded" + "x".repeat(500);
    ServiceException e = ServiceErrors.parse(400,
        utf8("{\"code\":\"PARAM_ERROR\",\"message\":\"" + message.replace("\r", "\\r").replace("\n", "\\n") + "\"}"),
        "REQ\n1");
    assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    assertTrue(e.getMessage().length() < 300, e.getMessage());
    assertTrue(e.getMessage().startsWith("HTTP 400 PARAM_ERROR: bad  2026-01-01 INFO"), e.getMessage());
    assertEquals(message, e.errorMessage(), "the accessor keeps the text as received");
  }
}
