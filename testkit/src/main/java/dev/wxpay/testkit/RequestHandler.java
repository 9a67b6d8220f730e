package dev.wxpay.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Decides each answer as WeChat Pay would, in the order {@link WechatPaySandbox} documents: the merchant's
 * signature, then the headers and any upload, then a stub or a built-in answer. Records every request.
 */
final class RequestHandler implements SandboxServer.Handler {
  private static final String CERTIFICATES_PATH = "/v3/certificates";

  /** An error answer and why; its reason is also the recorded request's rejection. */
  private record Refusal(int status, String code, String reason) {
    StubResponse answer() {
      return StubResponse.error(status, code, reason);
    }
  }

  private final SandboxKeys keys;
  private final AuthorizationCheck check;
  private final Stubs stubs;
  private final Bills bills;
  private final RequestLog log;

  RequestHandler(SandboxKeys keys, Clock clock, Stubs stubs, Bills bills, RequestLog log) {
    this.keys = keys;
    this.check = new AuthorizationCheck(keys.algorithm().scheme(), keys.mchid(), keys.merchantSerialNo(),
        keys::verifiesMerchant, clock);
    this.stubs = stubs;
    this.bills = bills;
    this.log = log;
  }

  @Override
  public StubResponse answer(Http1.Request request) {
    String method = request.method();
    String rawPath = request.rawPath();
    String rawQuery = request.rawQuery();
    String uri = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    byte[] body = request.body();

    String contentType = request.header("Content-Type");
    Upload upload = body.length > 0 && Multipart.isFormData(contentType)
        ? Upload.read(body, Objects.requireNonNull(contentType)) : null;
    // WeChat Pay checks an upload's signature over its meta JSON, not over the multipart body.
    byte[] signed = upload != null && upload.meta() != null
        ? upload.meta().getBytes(StandardCharsets.UTF_8) : body;
    AuthorizationCheck.Outcome outcome = check.check(request.header("Authorization"), method, uri, signed);
    Refusal refusal = refusal(outcome, request, upload);
    Function<RecordedRequest, StubResponse> responder = refusal == null ? responder(method, rawPath) : null;
    if (refusal == null && responder == null) {
      refusal = new Refusal(404, "NOT_FOUND", "no stub for " + method + " " + rawPath);
    }
    RecordedRequest recorded = new RecordedRequest(method, rawPath, rawQuery, request.headers(), body,
        outcome.params(), outcome.accepted(), refusal == null ? null : refusal.reason(),
        upload == null ? null : upload.meta(), upload == null ? null : upload.file());
    // Recorded before answering, so a client that got its response always finds its request here.
    log.add(recorded);
    if (responder == null) {
      return Objects.requireNonNull(refusal).answer();
    }
    return respond(responder, recorded);
  }

  /** The first check a request fails, its signature (SIGN_ERROR) before the rest (PARAM_ERROR), or null. */
  private @Nullable Refusal refusal(AuthorizationCheck.Outcome outcome, Http1.Request request,
      @Nullable Upload upload) {
    String rejection = outcome.rejection();
    if (rejection != null) {
      return new Refusal(401, "SIGN_ERROR", rejection);
    }
    String problem = headerProblem(request, upload);
    return problem == null ? null : new Refusal(400, "PARAM_ERROR", problem);
  }

  private @Nullable String headerProblem(Http1.Request request, @Nullable Upload upload) {
    String serial = request.header("Wechatpay-Serial");
    // A client in certificate mode has no serial to name before its first download; WeChat Pay serves that
    // download with the header empty (the official Java SDK sends it so) or absent.
    boolean firstDownload = request.method().equals("GET") && request.rawPath().equals(CERTIFICATES_PATH);
    if (serial != null && !(serial.isEmpty() && firstDownload)) {
      String problem = keys.serialProblem(serial);
      if (problem != null) {
        return problem;
      }
    }
    if (upload != null) {
      return upload.refusal();
    }
    if (request.body().length > 0) {
      String contentType = request.header("Content-Type");
      String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip();
      if (!mediaType.equalsIgnoreCase(StubResponse.JSON)) {
        return "a request with a body must have Content-Type application/json, was "
            + (contentType == null ? "none" : "\"" + contentType + "\"")
            + " (multipart/form-data is for uploads)";
      }
    }
    return null;
  }

  /** The stub for a request, else the sandbox's built-in answer, or null if there is neither. */
  private @Nullable Function<RecordedRequest, StubResponse> responder(String method, String rawPath) {
    Function<RecordedRequest, StubResponse> stub = stubs.find(method, rawPath);
    if (stub != null || !"GET".equals(method)) {
      return stub;
    }
    if (rawPath.equals(CERTIFICATES_PATH) && keys.verification() != SandboxVerification.PUBLIC_KEY) {
      return keys.certificates()::answer;
    }
    return bills.answerFor(rawPath);
  }

  /** Runs a responder; what it cannot answer becomes 500 SYSTEM_ERROR. */
  private StubResponse respond(Function<RecordedRequest, StubResponse> responder, RecordedRequest request) {
    String stub = "the stub for " + request.method() + " " + request.rawPath();
    try {
      StubResponse response = responder.apply(request);
      if (response == null) {
        return StubResponse.error(500, "SYSTEM_ERROR", stub + " returned null");
      }
      if (response.isSignedWithCertificate() && keys.verification() == SandboxVerification.PUBLIC_KEY) {
        return StubResponse.error(500, "SYSTEM_ERROR",
            stub + " asks to be signed with a certificate, but the sandbox is in PUBLIC_KEY mode");
      }
      return response;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // An assertion failing inside a stub is an Error: answered, it reaches the test instead of a dead
      // connection reported as a TransportException.
      return StubResponse.error(500, "SYSTEM_ERROR", stub + " threw " + e);
    }
  }
}
