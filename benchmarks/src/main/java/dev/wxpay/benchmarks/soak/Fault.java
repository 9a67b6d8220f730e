package dev.wxpay.benchmarks.soak;

import dev.wxpay.runtime.ValidationException;
import dev.wxpay.testkit.StubResponse;
import java.time.Duration;

/** What the sandbox does to one call's answer, and how a correct client must end that call. */
enum Fault {
  NONE(Expect.ANSWER, null),
  TAMPERED_SIGNATURE(Expect.VALIDATION, ValidationException.Reason.BAD_SIGNATURE),
  TAMPERED_BODY(Expect.VALIDATION, ValidationException.Reason.BAD_SIGNATURE),
  SKEWED_TIME(Expect.VALIDATION, ValidationException.Reason.TIMESTAMP_SKEW),
  SERVER_ERROR(Expect.SERVICE, null),
  DROPPED_CONNECTION(Expect.TRANSPORT, null),
  DELAY_PAST_TIMEOUT(Expect.TRANSPORT, null);

  /** The outcome a correct client reaches. */
  enum Expect {
    /** The verified answer the sandbox sent for this call. */
    ANSWER,
    /** A {@code ValidationException} with the fault's reason. */
    VALIDATION,
    /** A {@code ServiceException} with the status sent. */
    SERVICE,
    /** A {@code TransportException}. */
    TRANSPORT
  }

  final Expect expect;
  /** The reason a {@code ValidationException} must give, or null. */
  final ValidationException.Reason reason;

  Fault(Expect expect, ValidationException.Reason reason) {
    this.expect = expect;
    this.reason = reason;
  }

  /**
   * The sandbox's answer with this fault applied. {@code variant} (0 or 1, from the call's id) picks between
   * equivalent forms: 500 or 503, a clock skewed ahead or behind.
   */
  StubResponse apply(StubResponse answer, int variant, Duration timeout) {
    return switch (this) {
      case NONE -> answer;
      case TAMPERED_SIGNATURE -> answer.tamperSignature();
      case TAMPERED_BODY -> answer.tamperBody();
      // Past the 300 s WeChat Pay allows either way, by more than a slow call can make up.
      case SKEWED_TIME -> answer.skewTimestamp(Duration.ofSeconds(variant == 0 ? 360 : -360));
      case SERVER_ERROR -> StubResponse.error(serverErrorStatus(variant), "SYSTEM_ERROR", "soak: injected");
      case DROPPED_CONNECTION -> answer.dropConnection();
      // Past the request timeout by enough that no scheduling hiccup lets the answer in first.
      case DELAY_PAST_TIMEOUT -> answer.delay(timeout.plus(timeout.dividedBy(2)));
    };
  }

  static int serverErrorStatus(int variant) {
    return variant == 0 ? 500 : 503;
  }
}
