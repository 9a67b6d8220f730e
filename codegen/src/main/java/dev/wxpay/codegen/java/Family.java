package dev.wxpay.codegen.java;

import dev.wxpay.codegen.corpus.ApiOperation;
import java.util.List;

/**
 * An endpoint artifact: the URL path prefixes it owns. Artifacts are cut by path, not by the corpus's tags,
 * because a package follows the path and must never be split across two jars; the prefixes were chosen
 * from the tags (基础支付 and its relatives for payments).
 *
 * @param name the artifact's short name: {@code wxpay-endpoints-<name>}, folder {@code endpoints/<name>}
 * @param prefixes URL path prefixes, each ending at a segment boundary
 */
public record Family(String name, String title, List<String> prefixes) {
  /** The artifacts generated so far; the rest of the corpus follows family by family. */
  public static final List<Family> ALL = List.of(
      new Family("payments", "基础支付: orders, refunds, bills",
          List.of("/v3/pay/", "/v3/refund/", "/v3/bill/", "/v3/billdownload/", "/v3/combine-transactions/")));

  public boolean owns(ApiOperation operation) {
    return prefixes.stream().anyMatch(prefix -> operation.path().startsWith(prefix));
  }

  /** The artifact's own package, for the shapes its packages share: {@code dev.wxpay.endpoints.payments}. */
  public String sharedPackage() {
    return Names.ROOT_PACKAGE + "." + Names.packageSegment(name);
  }

  public String artifactId() {
    return "wxpay-endpoints-" + name;
  }
}
