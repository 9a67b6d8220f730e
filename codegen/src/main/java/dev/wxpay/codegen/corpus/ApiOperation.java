package dev.wxpay.codegen.corpus;

import java.util.List;
import java.util.Map;

/**
 * One operation of the corpus, as written: its URL path and method, the file it comes from, its short
 * title and tags, and its parameters with {@code $ref}s to shared parameters resolved.
 *
 * @param path the URL path, e.g. {@code /v3/pay/transactions/id/{transaction_id}}
 * @param method upper case, e.g. {@code GET}
 * @param file the path file, relative to the corpus root, e.g. {@code v3/pay/transactions/jsapi.yaml}
 * @param summary the short title, e.g. {@code JSAPI下单API}
 * @param parameters each parameter's YAML map; a required flag spelled {@code require} reads as required
 * @param responses by status code as text ({@code "200"}), whether the YAML wrote a number or a string
 * @param produces the media types of the answer as written, e.g. {@code application/x-gzip}; empty for JSON
 * @param consumes the media types of the request as written, e.g. {@code multipart/form-data}; empty for JSON
 * @param baseUri the host the operation names ({@code x-baseuri}), e.g. {@code https://apihk.mch.weixin.qq.com/};
 *     null for the default
 */
public record ApiOperation(
    String path,
    String method,
    String file,
    Area area,
    String summary,
    List<String> tags,
    boolean deprecated,
    List<Map<String, Object>> parameters,
    Map<String, Object> responses,
    List<String> produces,
    List<String> consumes,
    String baseUri) {

  /** The names of the path's placeholders, in order. */
  public List<String> placeholders() {
    return java.util.Arrays.stream(path.split("/"))
        .filter(segment -> segment.startsWith("{") && segment.endsWith("}"))
        .map(segment -> segment.substring(1, segment.length() - 1))
        .toList();
  }

  /** The parameters declared {@code in} a place: path, query, header, body or formData. */
  public List<Map<String, Object>> parametersIn(String in) {
    return parameters.stream().filter(parameter -> in.equals(parameter.get("in"))).toList();
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
