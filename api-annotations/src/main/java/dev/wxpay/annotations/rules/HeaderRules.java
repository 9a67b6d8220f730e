package dev.wxpay.annotations.rules;

import java.util.Locale;
import java.util.Set;

/**
 * What a declared header may be: the one list of names that the runtime or the HTTP client sets, the
 * token syntax of a name, and the ban on CR and LF. The processor checks {@code @Header} with it at
 * compile time; the runtime checks every header value it sends with it.
 */
public final class HeaderRules {
  private HeaderRules() {}

  /**
   * Lower-case names a declaration may not set: the runtime signs ({@code Authorization}) and names the
   * encryption key ({@code Wechatpay-Serial}); java.net.http owns the rest.
   */
  public static final Set<String> RESERVED = Set.of("authorization", "wechatpay-serial", "host",
      "content-length", "connection", "expect", "upgrade", "transfer-encoding");

  /** What is wrong with a header name a declaration gives, or null when it may be sent. */
  public static String nameProblem(String name) {
    if (!isToken(name)) {
      return "is not a valid header name";
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      return "is set by the runtime or the HTTP client and cannot be declared";
    }
    return null;
  }

  /** Whether {@code name} is an RFC 9110 token, as a header name must be. */
  public static boolean isToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether a value would split a header (or a log line) in two. */
  public static boolean hasLineBreak(CharSequence value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
