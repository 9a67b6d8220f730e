package dev.wxpay.annotations.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An endpoint path such as {@code v3/marketing/favor/stocks/<stock_id>/restart}, parsed once. Placeholders
 * are written {@code <name>} or {@code {name}}. Expansion percent-encodes each value as a single segment.
 * One trailing {@code /} is kept as written: a few real URLs end in one ({@code v3/applyment4sub/applyment/}),
 * and the signature covers the URL exactly as sent.
 *
 * <p>The one home of the path rules: the processor checks {@code @Endpoint} values with {@link #problem},
 * and the runtime parses and expands with the same code.
 */
public final class PathTemplate {
  private final String template;
  // Literal segments as they are; placeholders as null with their name in the same index of names.
  private final String[] literals;
  private final String[] names;
  private final List<String> placeholderNames;

  private PathTemplate(String template, String[] literals, String[] names) {
    this.template = template;
    this.literals = literals;
    this.names = names;
    List<String> placeholders = new ArrayList<>();
    for (String name : names) {
      if (name != null) {
        placeholders.add(name);
      }
    }
    this.placeholderNames = List.copyOf(placeholders);
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException if the path is empty, absolute, has an empty segment (other than
   *     after one trailing '/') or a malformed placeholder
   */
  public static PathTemplate parse(String template) {
    String problem = problem(template);
    if (problem != null) {
      throw new IllegalArgumentException("bad endpoint path '" + template + "': " + problem);
    }
    String[] segments = template.split("/", -1);
    String[] literals = new String[segments.length];
    String[] names = new String[segments.length];
    for (int i = 0; i < segments.length; i++) {
      String name = placeholderName(segments[i]);
      if (name == null) {
        literals[i] = segments[i];
      } else {
        names[i] = name;
      }
    }
    return new PathTemplate(template, literals, names);
  }

  /** Returns what is wrong with a template, or null if it is well formed. */
  public static String problem(String template) {
    if (template.isEmpty()) {
      return "the path is empty";
    }
    if (template.contains("://") || template.startsWith("//")) {
      return "an absolute URL is not allowed; give the path relative to the API base, e.g. v3/...";
    }
    if (template.startsWith("/")) {
      return "the path must not start with '/'";
    }
    if (template.contains("?") || template.contains("#")) {
      return "the path must not contain a query or fragment; use @Query parameters";
    }
    String[] segments = template.split("/", -1);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty()) {
        // Only the last segment may be empty: one trailing '/' (no leading one, checked above).
        if (i == segments.length - 1) {
          continue;
        }
        return "empty segment ('//')";
      }
      boolean opens = segment.indexOf('<') >= 0 || segment.indexOf('{') >= 0;
      boolean closes = segment.indexOf('>') >= 0 || segment.indexOf('}') >= 0;
      if (!opens && !closes) {
        if (segment.equals(".") || segment.equals("..")) {
          return "dot segments are not allowed";
        }
        if (!segment.matches("[A-Za-z0-9._~!$&'()*+,;=:@-]+")) {
          return "segment '" + segment + "' has characters that must be percent-encoded in a URL";
        }
        continue;
      }
      String name = placeholderName(segment);
      if (name == null) {
        return "malformed placeholder '" + segment + "'; write <name> or {name} as a whole segment";
      }
      if (seen.contains(name)) {
        return "placeholder <" + name + "> appears twice";
      }
      seen.add(name);
    }
    return null;
  }

  private static String placeholderName(String segment) {
    if (segment.length() < 3) {
      return null;
    }
    char open = segment.charAt(0);
    char close = segment.charAt(segment.length() - 1);
    if (!((open == '<' && close == '>') || (open == '{' && close == '}'))) {
      return null;
    }
    String name = segment.substring(1, segment.length() - 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      // ASCII only: a name is also what @Path("...") repeats in Java source.
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
        return null;
      }
    }
    return name;
  }

  /** The placeholder names in path order. */
  public List<String> placeholderNames() {
    return placeholderNames;
  }

  /** The template as written. */
  public String template() {
    return template;
  }

  /**
   * Expands the template to an absolute path ({@code /v3/...}) with every value percent-encoded as one
   * segment.
   *
   * @throws IllegalArgumentException if a value is missing, empty, {@code .} or {@code ..}
   */
  public String expand(Map<String, String> values) {
    String[] ordered = new String[placeholderNames.size()];
    for (int i = 0; i < ordered.length; i++) {
      ordered[i] = values.get(placeholderNames.get(i));
    }
    return expand(ordered);
  }

  /**
   * Like {@link #expand(Map)} with the values in the order of {@link #placeholderNames()}.
   *
   * @throws IllegalArgumentException if a value is missing, empty, {@code .} or {@code ..}
   */
  public String expand(String[] values) {
    if (values.length != placeholderNames.size()) {
      throw new IllegalArgumentException(template + " has " + placeholderNames.size() + " placeholders, not "
          + values.length);
    }
    StringBuilder out = new StringBuilder(template.length() + 16);
    int next = 0;
    for (int i = 0; i < literals.length; i++) {
      out.append('/');
      if (names[i] == null) {
        out.append(literals[i]);
        continue;
      }
      String value = values[next++];
      if (value == null) {
        throw new IllegalArgumentException("path parameter '" + names[i] + "' is null");
      }
      if (value.isEmpty()) {
        throw new IllegalArgumentException("path parameter '" + names[i] + "' is empty");
      }
      if (value.equals(".") || value.equals("..")) {
        // Percent-encoding does not help: servers normalise %2E back to a dot segment.
        throw new IllegalArgumentException("path parameter '" + names[i] + "' must not be '.' or '..'");
      }
      encodeSegment(value, out);
    }
    return out.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * Percent-encodes everything but RFC 3986 unreserved characters, so the value stays one segment; the
   * runtime encodes query names and values the same way.
   */
  public static void encodeSegment(String value, StringBuilder out) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
  }

  @Override
  public String toString() {
    return template;
  }
}
