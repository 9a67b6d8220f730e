package dev.wxpay.runtime;

import org.jspecify.annotations.Nullable;

/**
 * WeChat Pay answered with a 4xx or 5xx status. The error body, when it is the usual JSON
 * {@code {"code": ..., "message": ..., "detail": {...}}}, is available through the accessors; a body
 * that is empty or not JSON leaves them null. The message reads like
 * {@code HTTP 400 PARAM_ERROR: 参数错误 (Request-ID 08F...)}.
 */
public final class ServiceException extends WechatPayException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final @Nullable String code;
  private final @Nullable String errorMessage;
  private final @Nullable String detail;
  private final @Nullable String requestId;

  public ServiceException(
      int statusCode,
      @Nullable String code,
      @Nullable String errorMessage,
      @Nullable String detail,
      @Nullable String requestId) {
    super(message(statusCode, code, errorMessage, requestId));
    this.statusCode = statusCode;
    this.code = code;
    this.errorMessage = errorMessage;
    this.detail = detail;
    this.requestId = requestId;
  }

  private static String message(
      int statusCode, @Nullable String code, @Nullable String errorMessage, @Nullable String requestId) {
    StringBuilder out = new StringBuilder("HTTP ").append(statusCode);
    if (code != null) {
      out.append(' ').append(code);
    }
    if (errorMessage != null) {
      out.append(code != null ? ": " : " ").append(printable(errorMessage));
    }
    if (requestId != null) {
      out.append(" (Request-ID ").append(printable(requestId)).append(')');
    }
    return out.toString();
  }

  private static final int MAX_ECHO = 200;

  /** Server text cut short for the message (the base class makes it one line); accessors keep it whole. */
  private static String printable(String text) {
    return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
  }

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** The error code from the body, e.g. {@code PARAM_ERROR}; null if the body had none. */
  public @Nullable String code() {
    return code;
  }

  /** The human-readable message from the body; null if the body had none. */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** The raw JSON text of the body's {@code detail} field; null if absent. */
  public @Nullable String detail() {
    return detail;
  }

  /** The {@code Request-ID} response header, to quote to WeChat Pay support; null if absent. */
  public @Nullable String requestId() {
    return requestId;
  }
}
