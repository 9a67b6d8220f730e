package dev.wxpay.codegen.java;

import java.util.List;

/** A declaration the generator writes: one Java file. */
public sealed interface Decl {
  JType.ClassType type();

  /**
   * A record. {@code javadoc} is a short title or null; a record with an {@code @Encrypted} component
   * overrides {@code toString()} so the plain text never reaches a log.
   */
  record RecordDecl(JType.ClassType type, String javadoc, List<Component> components,
      List<JType.ClassType> interfaces) implements Decl {
    public boolean hasEncrypted() {
      return components.stream().anyMatch(Component::encrypted);
    }
  }

  /**
   * A record component. {@code wireName} is its name in the corpus (the JSON or query name);
   * {@code jsonName} is what {@code @Json} says, null when the processor's snake_case of {@code name} is the
   * wire name already.
   */
  record Component(String name, JType type, boolean nullable, boolean encrypted, String wireName, String title) {
    public String jsonName() {
      return Names.snakeCase(name).equals(wireName) ? null : wireName;
    }
  }

  /**
   * An enum; {@code jsonValue} of a constant is null when the constant's name is its JSON value. An
   * {@code integer} enum's values are JSON numbers, each constant's {@code jsonValue} its digits.
   */
  record EnumDecl(JType.ClassType type, String javadoc, boolean integer, List<Constant> constants)
      implements Decl {}

  record Constant(String name, String jsonValue) {}

  /** An {@code @Endpoint} interface: one URL path and its operations; {@code hongKong} for that host. */
  record InterfaceDecl(JType.ClassType type, String path, String javadoc, List<Method> methods, boolean hongKong)
      implements Decl {}

  /**
   * One Java method of an endpoint. {@code returns} is null for {@code void}; {@code async} wraps it in a
   * {@code CompletableFuture}. A {@code billDownload} method is a default method that takes a
   * {@code BillLocation} and calls the method of the same name with its token, tar type and hash.
   */
  record Method(String name, String httpMethod, String javadoc, List<Param> params, JType returns, boolean async,
      boolean unsigned, boolean billDownload) {}

  /**
   * A parameter. {@code kind}: PATH, QUERY (named), QUERY_RECORD, HEADER, BODY (a record), BUILDER (a
   * {@code Consumer} of the record's builder), UPLOAD or HASH (a {@code DownloadHash}).
   */
  record Param(String name, Kind kind, String wireName, JType type, boolean nullable, String title) {}

  enum Kind {
    PATH,
    QUERY,
    QUERY_RECORD,
    HEADER,
    BODY,
    BUILDER,
    UPLOAD,
    HASH
  }
}
