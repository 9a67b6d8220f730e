package dev.wxpay.codegen.java;

import dev.wxpay.codegen.java.Decl.InterfaceDecl;
import dev.wxpay.codegen.java.Decl.Kind;
import dev.wxpay.codegen.java.Decl.Method;
import dev.wxpay.codegen.java.Decl.Param;
import dev.wxpay.codegen.java.JType.ClassType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes an artifact's navigation class, {@code PaymentsApi}: from a {@code WechatPay}, every operation
 * by its API path, {@code PaymentsApi.of(wxpay).v3().pay().transactions().outTradeNo("T1").close().post(...)}.
 * A static segment is a method; the placeholders right after it are that method's parameters. A step
 * that ends at an endpoint with nothing below and nothing bound returns the endpoint's client itself;
 * other steps return a small node that holds the values bound so far and offers the endpoint's methods
 * without the path parameters. Each call costs what {@code wxpay.create(X.class)} costs: the nodes hold
 * no state but the values, and nothing is looked up by name.
 */
final class NavWriter {
  private static final ClassType WECHAT_PAY = new ClassType("dev.wxpay.runtime", "WechatPay");
  private static final ClassType OBJECTS = new ClassType("java.util", "Objects");

  /** A path prefix ending at a static segment and the placeholders after it. */
  private static final class Node {
    final List<String> segments;
    final Map<String, Node> children = new TreeMap<>();
    InterfaceDecl endpoint;
    String className;
    /** The method of the parent that steps here. */
    String methodName;

    Node(List<String> segments) {
      this.segments = segments;
    }

    List<String> placeholders() {
      return segments.stream().filter(Names::isPlaceholder).map(Names::placeholderName).toList();
    }

    /** The last static segment and its placeholders, e.g. {@code out-trade-no/{out_trade_no}}. */
    List<String> step() {
      int last = segments.size() - 1;
      while (Names.isPlaceholder(segments.get(last))) {
        last--;
      }
      return segments.subList(last, segments.size());
    }
  }

  private final Imports imports;
  private final ClassType api;
  private final Family family;
  private final Node root = new Node(List.of());
  private final List<Node> nodes = new ArrayList<>();

  /** The navigation of {@code family}'s endpoints; {@code localNames} are declared in its package. */
  NavWriter(Family family, Map<String, Decl> declarations, Set<String> localNames) {
    this.family = family;
    this.api = apiType(family);
    this.imports = new Imports(api.packageName(), localNames);
    for (Decl decl : declarations.values()) {
      if (decl instanceof InterfaceDecl endpoint) {
        insert(root, endpoint);
      }
    }
    collect(root, nodes);
    Set<String> classNames = new HashSet<>(Set.of(api.simpleName()));
    for (Node node : nodes) {
      nameSteps(node);
      if (node != root && needsClass(node)) {
        String name = String.join("", node.segments.stream().filter(segment -> !Names.isPlaceholder(segment))
            .map(Names::upperCamel).toList());
        String unique = name;
        for (int i = 2; !classNames.add(unique); i++) {
          unique = name + i;
        }
        node.className = unique;
      }
    }
  }

  /** The navigation class's name: {@code dev.wxpay.endpoints.payments.PaymentsApi}. */
  static ClassType apiType(Family family) {
    return new ClassType(family.sharedPackage(), Names.upperCamel(family.name()) + "Api");
  }

  /**
   * The navigation from an {@code api} variable to {@code endpoint}, e.g.
   * {@code api.v3().pay().transactions().outTradeNo("p-out_trade_no").close()}, with each placeholder's
   * value as {@code values} writes it.
   */
  String chain(String api, InterfaceDecl endpoint, java.util.function.Function<String, String> values) {
    StringBuilder out = new StringBuilder(api);
    Node node = root;
    List<String> segments = Names.segments(endpoint.path());
    int i = 0;
    while (i < segments.size()) {
      int end = i + 1;
      while (end < segments.size() && Names.isPlaceholder(segments.get(end))) {
        end++;
      }
      node = node.children.get(String.join("/", segments.subList(i, end)));
      List<String> args = segments.subList(i + 1, end).stream().map(Names::placeholderName).map(values).toList();
      out.append('.').append(node.methodName).append('(').append(String.join(", ", args)).append(')');
      i = end;
    }
    return out.toString();
  }

  String write() {
    StringBuilder body = new StringBuilder();
    body.append("/**\n * The operations of {@code ").append(family.artifactId()).append("} by their API path, e.g.\n")
        .append(" * {@code ").append(api.simpleName()).append(".of(wxpay).v3()...}. Keep one or make one per\n")
        .append(" * call: a step costs what {@code wxpay.create(...)} costs.\n */\n");
    body.append("public final class ").append(api.simpleName()).append(" {\n");
    body.append("  private final ").append(imports.name(WECHAT_PAY)).append(" wxpay;\n\n");
    body.append("  private ").append(api.simpleName()).append("(").append(imports.name(WECHAT_PAY))
        .append(" wxpay) {\n    this.wxpay = wxpay;\n  }\n\n");
    body.append("  /** Navigates the operations of {@code wxpay}. */\n");
    body.append("  public static ").append(api.simpleName()).append(" of(")
        .append(imports.name(WECHAT_PAY)).append(" wxpay) {\n    return new ")
        .append(api.simpleName()).append("(").append(imports.name(OBJECTS))
        .append(".requireNonNull(wxpay, \"wxpay\"));\n  }\n");
    members(body, root, "  ");
    for (Node node : nodes) {
      if (node.className != null) {
        nodeClass(body, node);
      }
    }
    body.append("}\n");
    return imports.header(Emitter.HEADER) + body;
  }

  /** Names the steps below {@code node}; two of one name and arity take their placeholders' names. */
  private static void nameSteps(Node node) {
    Map<String, Integer> arities = new TreeMap<>();
    for (Node child : node.children.values()) {
      arities.merge(Names.lowerCamel(child.step().get(0)) + "/" + (child.step().size() - 1), 1, Integer::sum);
    }
    Set<String> taken = new HashSet<>();
    Set<String> endpointMethods = new HashSet<>();
    if (node.endpoint != null) {
      node.endpoint.methods().forEach(method -> endpointMethods.add(method.name()));
    }
    for (Node child : node.children.values()) {
      List<String> step = child.step();
      List<String> placeholders = step.subList(1, step.size()).stream().map(Names::placeholderName).toList();
      String name = Names.lowerCamel(step.get(0));
      if (arities.get(name + "/" + placeholders.size()) > 1 && !placeholders.isEmpty()) {
        name += "By" + String.join("And", placeholders.stream().map(Names::upperCamel).toList());
      }
      if (endpointMethods.contains(name)) {
        throw new IllegalStateException("step " + name + " clashes with a method of " + node.endpoint.path());
      }
      // Segments that differ only in '-' and '_' (policy-periods, policy_periods) are numbered in path order.
      String unique = name;
      for (int i = 2; !taken.add(unique + "/" + placeholders.size()); i++) {
        unique = name + i;
      }
      child.methodName = unique;
    }
  }

  private static void insert(Node root, InterfaceDecl endpoint) {
    List<String> segments = Names.segments(endpoint.path());
    Node node = root;
    int i = 0;
    while (i < segments.size()) {
      int end = i + 1;
      while (end < segments.size() && Names.isPlaceholder(segments.get(end))) {
        end++;
      }
      if (Names.isPlaceholder(segments.get(i))) {
        throw new IllegalStateException("a path that starts with a placeholder: " + endpoint.path());
      }
      List<String> prefix = segments.subList(0, end);
      String key = String.join("/", segments.subList(i, end));
      node = node.children.computeIfAbsent(key, k -> new Node(List.copyOf(prefix)));
      i = end;
    }
    node.endpoint = endpoint;
  }

  private static void collect(Node node, List<Node> out) {
    out.add(node);
    node.children.values().forEach(child -> collect(child, out));
  }

  /** A step returns the endpoint's own client when there is nothing to bind and nothing below. */
  private static boolean needsClass(Node node) {
    return !(node.children.isEmpty() && node.placeholders().isEmpty() && node.endpoint != null);
  }

  private void nodeClass(StringBuilder out, Node node) {
    out.append("\n  /** {@code ").append(String.join("/", node.segments)).append("}. */\n");
    out.append("  public static final class ").append(node.className).append(" {\n");
    out.append("    private final ").append(imports.name(WECHAT_PAY)).append(" wxpay;\n");
    List<String> fields = node.placeholders().stream().map(Names::lowerCamel).toList();
    for (String field : fields) {
      out.append("    private final String ").append(field).append(";\n");
    }
    out.append('\n');
    List<String> params = new ArrayList<>(List.of(imports.name(WECHAT_PAY) + " wxpay"));
    fields.forEach(field -> params.add("String " + field));
    out.append("    private ").append(node.className).append("(").append(String.join(", ", params)).append(") {\n");
    out.append("      this.wxpay = wxpay;\n");
    for (String field : fields) {
      out.append("      this.").append(field).append(" = ").append(field).append(";\n");
    }
    out.append("    }\n");
    if (node.endpoint != null) {
      for (Method method : node.endpoint.methods()) {
        endpointMethod(out, node, method);
      }
    }
    members(out, node, "    ");
    out.append("  }\n");
  }

  /** The endpoint's method with its path parameters bound to the node's fields. */
  private void endpointMethod(StringBuilder out, Node node, Method method) {
    List<String> params = new ArrayList<>();
    List<String> args = new ArrayList<>();
    for (Param param : method.params()) {
      if (param.kind() == Kind.PATH) {
        args.add(Names.lowerCamel(param.wireName()));
        continue;
      }
      String type = param.kind() == Kind.BUILDER ? imports.builderConsumer((ClassType) param.type())
          : imports.typeUse(param.type(), param.nullable());
      params.add(type + " " + param.name());
      args.add(param.name());
    }
    String returns = imports.returnType(method.returns(), method.async());
    out.append('\n');
    if (method.javadoc() != null) {
      out.append("    /** ").append(Emitter.escape(method.javadoc())).append(method.async() ? ", without blocking." : ".")
          .append(" */\n");
    }
    out.append("    public ").append(returns).append(' ').append(method.name()).append('(')
        .append(String.join(", ", params)).append(") {\n      ");
    if (!returns.equals("void")) {
      out.append("return ");
    }
    out.append("wxpay.create(").append(imports.name(node.endpoint.type())).append(".class).")
        .append(method.name()).append('(').append(String.join(", ", args)).append(");\n    }\n");
  }

  /** The steps below {@code node}: one method each, named after its static segment. */
  private void members(StringBuilder out, Node node, String indent) {
    for (Node child : node.children.values()) {
      List<String> step = child.step();
      List<String> placeholders = step.subList(1, step.size()).stream().map(Names::placeholderName).toList();
      String name = child.methodName;
      List<String> params = placeholders.stream().map(p -> "String " + Names.lowerCamel(p)).toList();
      out.append('\n').append(indent).append("/** {@code ").append(String.join("/", child.segments));
      if (child.endpoint != null && child.endpoint.javadoc() != null) {
        out.append("}: ").append(Emitter.escape(child.endpoint.javadoc())).append(". */\n");
      } else {
        out.append("}. */\n");
      }
      if (child.className == null) {
        String type = imports.name(child.endpoint.type());
        out.append(indent).append("public ").append(type).append(' ').append(name).append("() {\n")
            .append(indent).append("  return wxpay.create(").append(type).append(".class);\n")
            .append(indent).append("}\n");
        continue;
      }
      List<String> args = new ArrayList<>(List.of("wxpay"));
      node.placeholders().forEach(p -> args.add(Names.lowerCamel(p)));
      placeholders.forEach(p -> args.add(imports.name(new ClassType("java.util", "Objects")) + ".requireNonNull("
          + Names.lowerCamel(p) + ", " + Emitter.literal(Names.lowerCamel(p)) + ")"));
      out.append(indent).append("public ").append(child.className).append(' ').append(name).append('(')
          .append(String.join(", ", params)).append(") {\n")
          .append(indent).append("  return new ").append(child.className).append('(').append(String.join(", ", args))
          .append(");\n").append(indent).append("}\n");
    }
  }

}
