package dev.wxpay.codegen.java;

import dev.wxpay.codegen.java.Decl.Component;
import dev.wxpay.codegen.java.Decl.EnumDecl;
import dev.wxpay.codegen.java.Decl.InterfaceDecl;
import dev.wxpay.codegen.java.Decl.Kind;
import dev.wxpay.codegen.java.Decl.Method;
import dev.wxpay.codegen.java.Decl.Param;
import dev.wxpay.codegen.java.Decl.RecordDecl;
import dev.wxpay.codegen.java.JType.ClassType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an artifact's operation test: for each generated operation, a call made with the builder DSL as a
 * user writes it, every field set, against the sandbox. The expected JSON is built from the corpus's names
 * beside the Java code, so a name, type or value the generated code gets wrong fails the test: the request
 * must be signed and carry exactly that JSON (encrypted fields decrypted with the JDK), and a full answer
 * must decode into the typed response and encode back to the same JSON.
 */
final class TestWriter {
  private static final String TIME = "2026-12-02T10:00:01+08:00";

  private final Map<String, Decl> declarations;
  private final Imports imports;
  private final Set<String> testNames = new HashSet<>();
  private final List<String> skipped = new ArrayList<>();

  private final NavWriter navigation;

  private TestWriter(String pkg, Map<String, Decl> declarations, NavWriter navigation) {
    this.declarations = declarations;
    this.navigation = navigation;
    // The test shares its package with the artifact's shared shapes; an import must not hide them.
    Set<String> local = new HashSet<>();
    declarations.values().stream().filter(decl -> decl.type().packageName().equals(pkg))
        .forEach(decl -> local.add(decl.type().simpleName()));
    this.imports = new Imports(pkg, local);
  }

  /** The test class of {@code family}, in package {@code dev.wxpay.endpoints.<family>}. */
  static String write(Family family, Map<String, Decl> declarations, NavWriter navigation) {
    String pkg = family.sharedPackage();
    TestWriter writer = new TestWriter(pkg, declarations, navigation);
    StringBuilder tests = new StringBuilder();
    for (Decl decl : declarations.values()) {
      if (decl instanceof InterfaceDecl endpoint) {
        for (Method method : endpoint.methods()) {
          writer.test(tests, endpoint, method);
        }
      }
    }
    String body = writer.body(family, tests.toString());
    return writer.imports.header(Emitter.HEADER) + body;
  }

  /** The test file's path within the module. */
  static String path(Family family) {
    return "src/test/java/" + family.sharedPackage().replace('.', '/')
        + "/" + className(family) + ".java";
  }

  private static String className(Family family) {
    return Names.upperCamel(family.name()) + "OperationsTest";
  }

  /** One test per operation: its builder variant when it has a body, else its blocking variant. */
  private void test(StringBuilder out, InterfaceDecl endpoint, Method method) {
    boolean hasBuilder = method.params().stream().anyMatch(param -> param.kind() == Kind.BUILDER);
    boolean hasBody = method.params().stream().anyMatch(param -> param.kind() == Kind.BODY);
    if (method.async() || method.billDownload() || (hasBody && !hasBuilder)) {
      return;
    }
    String operation = method.httpMethod().toUpperCase(java.util.Locale.ROOT) + " /" + endpoint.path();
    if (method.unsigned()) {
      skipped.add(operation);
      return;
    }
    String name = testName(method.httpMethod(), endpoint.path());
    List<String> args = new ArrayList<>();
    List<String> query = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    Object body = null;
    boolean upload = false;
    List<String> encrypted = new ArrayList<>();
    String path = "/" + endpoint.path();
    for (Param param : method.params()) {
      switch (param.kind()) {
        case PATH -> path = path.replace("{" + param.wireName() + "}", "p-" + param.wireName());
        case QUERY -> {
          Sample sample = querySample(param.type(), param.wireName());
          args.add(sample.java());
          query.add(param.wireName() + "=" + queryText(sample.json()));
        }
        case QUERY_RECORD -> {
          RecordDecl record = record(param.type());
          List<String> values = new ArrayList<>();
          for (Component component : record.components()) {
            Sample sample = querySample(component.type(), component.wireName());
            values.add(sample.java());
            query.add(component.wireName() + "=" + queryText(sample.json()));
          }
          args.add("new " + imports.name((ClassType) param.type()) + "(" + String.join(", ", values) + ")");
        }
        case HEADER -> {
          args.add(Emitter.literal("h-" + param.wireName()));
          headers.put(param.wireName(), "h-" + param.wireName());
        }
        case BUILDER -> {
          Map<String, Object> json = new LinkedHashMap<>();
          args.add(builder(record(param.type()), 0, json, "", encrypted, "        "));
          body = json;
        }
        case UPLOAD -> {
          args.add(imports.name(new ClassType("dev.wxpay.runtime", "Upload"))
              + ".of(\"v-file.png\", new byte[] {1, 2, 3})");
          upload = true;
        }
        default -> throw new IllegalStateException(param.kind() + " in " + operation);
      }
    }
    Map<String, Object> answer = null;
    List<String> encryptedAnswer = new ArrayList<>();
    if (method.returns() != null) {
      answer = new LinkedHashMap<>();
      answerJson(record(method.returns()), answer, "", encryptedAnswer);
    }
    out.append('\n');
    out.append("  /** ").append(Emitter.escape(method.javadoc() == null ? operation : method.javadoc()))
        .append(": {@code ").append(operation).append("}. */\n");
    out.append("  @").append(imports.name(new ClassType("org.junit.jupiter.api", "Test"))).append('\n');
    out.append("  void ").append(name).append("() throws Exception {\n");
    String stubPath = Emitter.literal(path);
    String methodLiteral = Emitter.literal(method.httpMethod().toUpperCase(java.util.Locale.ROOT));
    String stub = imports.name(new ClassType("dev.wxpay.testkit", "StubResponse"));
    if (answer != null) {
      out.append("    String answer = ").append(textBlock(answer, "        ")).append(";\n");
      String sent = encryptedAnswer.isEmpty() ? "answer"
          : "encryptedFor(answer, " + stringList(encryptedAnswer) + ")";
      out.append("    sandbox.stub(").append(methodLiteral).append(", ").append(stubPath).append(", ").append(stub)
          .append(".json(").append(sent).append("));\n");
    } else {
      out.append("    sandbox.stub(").append(methodLiteral).append(", ").append(stubPath).append(", ").append(stub)
          .append(".noContent());\n");
    }
    // Through the navigation, which binds the path's values.
    String call = navigation.chain("api", endpoint, placeholder -> Emitter.literal("p-" + placeholder)) + "."
        + method.name() + "(" + String.join(", ", args) + ")";
    if (answer != null) {
      out.append("    ").append(type(method.returns())).append(" decoded = ").append(call).append(";\n");
    } else {
      out.append("    ").append(call).append(";\n");
    }
    if (upload) {
      out.append("    assertUploaded(").append(methodLiteral).append(", ").append(stubPath)
          .append(", \"v-file.png\", new byte[] {1, 2, 3});\n");
    } else {
      out.append("    assertSent(").append(methodLiteral).append(", ").append(stubPath).append(", ")
          .append(stringList(query)).append(", ").append(headersMap(headers)).append(", ")
          .append(body == null ? "null" : textBlock(body, "        ")).append(", ").append(stringList(encrypted))
          .append(");\n");
    }
    if (answer != null) {
      ClassType adapter = new ClassType(((ClassType) method.returns()).packageName(),
          ((ClassType) method.returns()).simpleName() + "JsonAdapter");
      out.append("    assertJson(answer, plainJson(").append(imports.name(adapter)).append(".INSTANCE, decoded));\n");
    }
    out.append("  }\n");
  }

  /** A builder lambda that sets every component; fills {@code json} with what it must send. */
  private String builder(RecordDecl record, int depth, Map<String, Object> json, String at, List<String> encrypted,
      String indent) {
    String variable = depth == 0 ? "b" : "b" + depth;
    if (record.components().isEmpty()) {
      return variable + " -> {}";
    }
    StringBuilder out = new StringBuilder(variable).append(" -> ").append(variable);
    for (Component component : record.components()) {
      String where = at + component.wireName();
      out.append('\n').append(indent).append('.');
      JType type = component.type();
      if (type instanceof JType.ListType list && isRecord(list.item())) {
        Map<String, Object> element = new LinkedHashMap<>();
        out.append("add").append(Character.toUpperCase(component.name().charAt(0))).append(component.name().substring(1))
            .append('(').append(builder(record(list.item()), depth + 1, element, where + "[].", encrypted,
                indent + "    ")).append(')');
        json.put(component.wireName(), List.of(element));
      } else if (type instanceof JType.ListType list) {
        Sample sample = scalar(list.item(), component.wireName(), false);
        out.append(component.name()).append('(').append(sample.java()).append(')');
        json.put(component.wireName(), List.of(sample.json()));
      } else if (isRecord(type)) {
        Map<String, Object> nested = new LinkedHashMap<>();
        out.append(component.name()).append('(').append(builder(record(type), depth + 1, nested, where + ".",
            encrypted, indent + "    ")).append(')');
        json.put(component.wireName(), nested);
      } else {
        Sample sample = scalar(type, component.wireName(), component.encrypted());
        if (component.encrypted()) {
          encrypted.add(where);
        }
        out.append(component.name()).append('(').append(sample.java()).append(')');
        json.put(component.wireName(), sample.json());
      }
    }
    return out.toString();
  }

  /** A full answer: every field set, as WeChat Pay would send it. */
  private void answerJson(RecordDecl record, Map<String, Object> json, String at, List<String> encrypted) {
    for (Component component : record.components()) {
      JType type = component.type();
      JType item = type instanceof JType.ListType list ? list.item() : type;
      Object value;
      String where = at + component.wireName() + (type instanceof JType.ListType ? "[]" : "");
      if (isRecord(item)) {
        Map<String, Object> nested = new LinkedHashMap<>();
        answerJson(record(item), nested, where + ".", encrypted);
        value = nested;
      } else {
        if (component.encrypted()) {
          encrypted.add(where);
        }
        value = scalar(item, component.wireName(), component.encrypted()).json();
      }
      json.put(component.wireName(), type instanceof JType.ListType ? List.of(value) : value);
    }
  }

  private record Sample(String java, Object json) {}

  private Sample scalar(JType type, String wire, boolean encrypted) {
    JType boxed = type instanceof JType.Primitive primitive ? switch (primitive.name()) {
      case "int" -> JType.INTEGER;
      case "long" -> JType.LONG;
      case "boolean" -> JType.BOOLEAN;
      default -> JType.DOUBLE;
    } : type;
    if (boxed.equals(JType.STRING)) {
      String value = (encrypted ? "明文-" : "v-") + wire;
      return new Sample(Emitter.literal(value), value);
    }
    if (boxed.equals(JType.INTEGER)) {
      return new Sample("7", 7L);
    }
    if (boxed.equals(JType.LONG)) {
      return new Sample("7L", 7L);
    }
    if (boxed.equals(JType.DOUBLE)) {
      return new Sample("1.5", 1.5);
    }
    if (boxed.equals(JType.BOOLEAN)) {
      return new Sample("true", true);
    }
    if (boxed.equals(Planner.JSON_VALUE)) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("any", List.of(1, "two"));
      return new Sample(imports.name(Planner.JSON_VALUE) + ".parse(\"{\\\"any\\\":[1,\\\"two\\\"]}\")", json);
    }
    if (boxed.equals(JType.DATE_TIME)) {
      return new Sample(imports.name(JType.DATE_TIME) + ".parse(" + Emitter.literal(TIME) + ")", TIME);
    }
    EnumDecl enumDecl = (EnumDecl) declarations.get(((ClassType) boxed).qualifiedName());
    Decl.Constant first = enumDecl.constants().get(0);
    Object json = enumDecl.integer() ? (Object) Long.parseLong(first.jsonValue())
        : first.jsonValue() != null ? first.jsonValue() : first.name();
    return new Sample(imports.name(enumDecl.type()) + "." + first.name(), json);
  }

  /** A query value: a scalar, or a list of one, which the query sends as the one value. */
  private Sample querySample(JType type, String wire) {
    if (type instanceof JType.ListType list) {
      Sample item = scalar(list.item(), wire, false);
      return new Sample(imports.name(new ClassType("java.util", "List")) + ".of(" + item.java() + ")", item.json());
    }
    return scalar(type, wire, false);
  }

  private boolean isRecord(JType type) {
    return type instanceof ClassType classType && declarations.get(classType.qualifiedName()) instanceof RecordDecl;
  }

  private RecordDecl record(JType type) {
    return (RecordDecl) declarations.get(((ClassType) type).qualifiedName());
  }

  private String type(JType type) {
    return imports.name((ClassType) type);
  }

  private static String queryText(Object json) {
    return String.valueOf(json);
  }

  private String testName(String http, String path) {
    StringBuilder name = new StringBuilder(http.toLowerCase(java.util.Locale.ROOT));
    for (String segment : Names.segments(path)) {
      name.append(Names.upperCamel(Names.isPlaceholder(segment) ? Names.placeholderName(segment) : segment));
    }
    String unique = name.toString();
    for (int i = 2; !testNames.add(unique); i++) {
      unique = name + "" + i;
    }
    return unique;
  }

  private String stringList(List<String> values) {
    if (values.isEmpty()) {
      return imports.name(new ClassType("java.util", "List")) + ".of()";
    }
    List<String> literals = values.stream().map(Emitter::literal).toList();
    return imports.name(new ClassType("java.util", "List")) + ".of(" + String.join(", ", literals) + ")";
  }

  private String headersMap(Map<String, String> headers) {
    List<String> entries = new ArrayList<>();
    headers.forEach((name, value) -> entries.add(Emitter.literal(name) + ", " + Emitter.literal(value)));
    return imports.name(new ClassType("java.util", "Map")) + ".of(" + String.join(", ", entries) + ")";
  }

  /** JSON as a text block, pretty-printed. */
  private static String textBlock(Object json, String indent) {
    StringBuilder out = new StringBuilder("\"\"\"\n").append(indent);
    render(json, out, indent);
    return out.append("\"\"\"").toString();
  }

  private static void render(Object json, StringBuilder out, String indent) {
    if (json instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(indent).append("  ").append(jsonString(String.valueOf(entry.getKey()))).append(": ");
        render(entry.getValue(), out, indent + "  ");
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (json instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        render(list.get(i), out, indent);
        out.append(i + 1 < list.size() ? ", " : "");
      }
      out.append(']');
    } else if (json instanceof String text) {
      out.append(jsonString(text));
    } else {
      out.append(json);
    }
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\\\\\").replace("\"", "\\\\\"") + "\"";
  }

  private String body(Family family, String tests) {
    ClassType sandbox = new ClassType("dev.wxpay.testkit", "WechatPaySandbox");
    ClassType wechatPay = new ClassType("dev.wxpay.runtime", "WechatPay");
    ClassType keyPair = new ClassType("java.security", "KeyPair");
    ClassType testKeys = new ClassType("dev.wxpay.runtime", "TestKeys");
    ClassType beforeAll = new ClassType("org.junit.jupiter.api", "BeforeAll");
    ClassType afterAll = new ClassType("org.junit.jupiter.api", "AfterAll");
    ClassType support = new ClassType("dev.wxpay.testkit", "OperationAssertions");
    StringBuilder out = new StringBuilder();
    out.append("/**\n * Every generated operation of {@code ").append(family.artifactId())
        .append("} against the sandbox, reached through\n * {@code ").append(NavWriter.apiType(family).simpleName())
        .append("} and filled in with its builder DSL: written by wxpay-codegen beside the endpoints.");
    if (!skipped.isEmpty()) {
      out.append(" Downloads go their own way\n * (see {@code BillsTest}): ").append(String.join(", ", skipped)).append('.');
    }
    out.append("\n */\n");
    out.append("class ").append(className(family)).append(" {\n");
    out.append("  private static final ").append(imports.name(keyPair)).append(" WECHATPAY = ")
        .append(imports.name(testKeys)).append(".rsa();\n");
    out.append("  private static ").append(imports.name(sandbox)).append(" sandbox;\n");
    out.append("  private static ").append(imports.name(wechatPay)).append(" wxpay;\n");
    out.append("  private static ").append(imports.name(NavWriter.apiType(family))).append(" api;\n\n");
    out.append("  @").append(imports.name(beforeAll)).append('\n');
    out.append("  static void start() {\n");
    out.append("    sandbox = ").append(imports.name(sandbox)).append(".builder().wechatpayKeyPair(WECHATPAY).start();\n");
    out.append("    wxpay = sandbox.client();\n");
    out.append("    api = ").append(imports.name(NavWriter.apiType(family))).append(".of(wxpay);\n  }\n\n");
    out.append("  @").append(imports.name(afterAll)).append('\n');
    out.append("  static void stop() {\n    wxpay.close();\n    sandbox.close();\n  }\n");
    out.append(tests);
    String assertions = imports.name(support);
    out.append("""

          private static void assertSent(String method, String path, List<String> query, Map<String, String> headers,
              @Nullable String body, List<String> encrypted) {
            %s.assertSent(sandbox.lastRequest(), WECHATPAY.getPrivate(), method, path, query, headers, body,
                encrypted);
          }

          private static void assertUploaded(String method, String path, String filename, byte[] content) {
            %s.assertUploaded(sandbox.lastRequest(), method, path, filename, content);
          }

          private static String encryptedFor(String answer, List<String> paths) {
            return %s.encryptedFor(sandbox.merchantPublicKey(), answer, paths);
          }

          private static <T> String plainJson(JsonAdapter<T> adapter, T value) {
            return %s.plainJson(adapter, value);
          }

          private static void assertJson(String expected, String actual) {
            %s.assertJson(expected, actual);
          }
        }
        """.formatted(assertions, assertions, assertions, assertions, assertions));
    imports.name(new ClassType("com.squareup.moshi", "JsonAdapter"));
    imports.name(new ClassType("java.util", "List"));
    imports.name(new ClassType("java.util", "Map"));
    imports.name(new ClassType("org.jspecify.annotations", "Nullable"));
    return out.toString();
  }
}
