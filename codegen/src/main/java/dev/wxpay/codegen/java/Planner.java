package dev.wxpay.codegen.java;

import dev.wxpay.codegen.corpus.ApiOperation;
import dev.wxpay.codegen.corpus.Schema;
import dev.wxpay.codegen.corpus.Schema.AnySchema;
import dev.wxpay.codegen.corpus.Schema.ArraySchema;
import dev.wxpay.codegen.corpus.Schema.ObjectSchema;
import dev.wxpay.codegen.corpus.Schema.Property;
import dev.wxpay.codegen.corpus.Schema.ScalarSchema;
import dev.wxpay.codegen.corpus.SchemaReader;
import dev.wxpay.codegen.java.Decl.Component;
import dev.wxpay.codegen.java.Decl.Constant;
import dev.wxpay.codegen.java.Decl.EnumDecl;
import dev.wxpay.codegen.java.Decl.InterfaceDecl;
import dev.wxpay.codegen.java.Decl.Kind;
import dev.wxpay.codegen.java.Decl.Method;
import dev.wxpay.codegen.java.Decl.Param;
import dev.wxpay.codegen.java.Decl.RecordDecl;
import dev.wxpay.codegen.java.JType.ClassType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the operations of one artifact into Java declarations: an interface per URL path, a record per
 * body, answer and object shape, an enum per value list. Bodies, answers and queries are always their
 * operation's own; identical nested shapes of the same name are one declaration in the whole artifact, in
 * the deepest package above all their users that only this artifact uses, else in the artifact's own
 * package ({@code dev.wxpay.endpoints.payments}). Planning runs twice: the first pass finds each shape's
 * users, the second places and names it. An operation that needs what the processor cannot express yet is
 * left out with its reason.
 */
public final class Planner {
  /** Headers the runtime sets itself. */
  private static final Set<String> RUNTIME_HEADERS = Set.of("wechatpay-serial", "authorization", "accept",
      "content-type", "user-agent");
  private static final List<String> COMPANIONS = List.of("Builder", "JsonAdapter", "Dsl", "Client", "Await");
  private static final ClassType UPLOAD = new ClassType("dev.wxpay.runtime", "Upload");
  private static final ClassType DOWNLOAD = new ClassType("dev.wxpay.runtime", "Download");
  private static final ClassType DOWNLOAD_HASH = new ClassType("dev.wxpay.runtime", "DownloadHash");
  private static final ClassType BILL_LOCATION = new ClassType("dev.wxpay.runtime", "BillLocation");
  /** JSON the corpus leaves untyped ({@code {}}, an array without items, an object without properties). */
  static final ClassType JSON_VALUE = new ClassType("dev.wxpay.runtime", "JsonValue");
  /** A bill answer: these string fields make a record a {@code BillLocation}. */
  private static final Set<String> BILL_FIELDS = Set.of("hash_type", "hash_value", "download_url");

  private final SchemaReader reader;
  /** Where a shared shape goes, by its key; null in the first pass, which only finds the users. */
  private final Map<String, String> placement;
  private final Map<String, Set<String>> usersByShape = new HashMap<>();
  private final Map<ClassType, String> shapeKeys = new HashMap<>();
  private final Map<String, Set<String>> namesByPackage = new HashMap<>();
  private final Map<String, ClassType> shapes = new HashMap<>();
  private final Map<String, Decl> declarations = new TreeMap<>();
  private final Map<String, String> excluded = new TreeMap<>();
  private final Set<String> inProgress = new HashSet<>();

  private Planner(SchemaReader reader, Map<String, String> placement, String sharedPackage, Set<String> reserved) {
    this.reader = reader;
    this.placement = placement;
    reserved.forEach(name -> reserve(sharedPackage, name));
  }

  /**
   * Plans {@code operations}, one artifact's. {@code owned} tells whether a package is this artifact's
   * alone (no other artifact declares in it or under it); {@code sharedPackage} takes the shapes whose
   * users meet only in a package that is not; {@code reserved} names there are taken already.
   */
  public static Planner plan(SchemaReader reader, List<ApiOperation> operations,
      java.util.function.Predicate<String> owned, String sharedPackage, Set<String> reserved) {
    Planner users = new Planner(reader, null, sharedPackage, reserved);
    users.plan(operations);
    Map<String, String> placement = new HashMap<>();
    users.usersByShape.forEach((key, packages) -> {
      String common = commonPackage(packages);
      placement.put(key, owned.test(common) ? common : sharedPackage);
    });
    Planner planner = new Planner(reader, placement, sharedPackage, reserved);
    planner.plan(operations);
    return planner;
  }

  /** The deepest package that all of {@code packages} are in or under. */
  static String commonPackage(Set<String> packages) {
    String common = null;
    for (String pkg : packages) {
      if (common == null) {
        common = pkg;
        continue;
      }
      while (!pkg.equals(common) && !pkg.startsWith(common + ".")) {
        common = common.substring(0, Math.max(0, common.lastIndexOf('.')));
      }
    }
    return common;
  }

  /** The declarations, by qualified name. */
  public Map<String, Decl> declarations() {
    return declarations;
  }

  /** Operations left out ({@code METHOD /path}) and why. */
  public Map<String, String> excluded() {
    return excluded;
  }

  /** Plans every operation of {@code operations}, grouped by URL path. */
  private void plan(List<ApiOperation> operations) {
    Map<String, List<ApiOperation>> byPath = new TreeMap<>();
    for (ApiOperation operation : operations) {
      byPath.computeIfAbsent(operation.path(), path -> new ArrayList<>()).add(operation);
    }
    Map<String, ClassType> interfaces = interfaceNames(byPath.keySet());
    // Interfaces first, so that no shape takes an interface's name.
    interfaces.values().forEach(type -> reserve(type.packageName(), type.simpleName()));
    byPath.forEach((path, pathOperations) -> planPath(interfaces.get(path), path, pathOperations));
  }

  /** Interface names by path; where two paths of a package give one name, both take their qualified name. */
  private static Map<String, ClassType> interfaceNames(Set<String> paths) {
    Map<String, List<String>> byName = new TreeMap<>();
    for (String path : paths) {
      byName.computeIfAbsent(Names.packageOf(path) + "." + Names.interfaceName(path), name -> new ArrayList<>())
          .add(path);
    }
    Map<String, ClassType> out = new LinkedHashMap<>();
    byName.forEach((name, clashing) -> {
      for (String path : clashing) {
        String simple = Names.interfaceName(path);
        if (clashing.size() > 1 && Names.qualifiedInterfaceName(path) != null) {
          simple = Names.qualifiedInterfaceName(path);
        }
        out.put(path, new ClassType(Names.packageOf(path), simple));
      }
    });
    return out;
  }

  private void planPath(ClassType type, String path, List<ApiOperation> operations) {
    List<Method> methods = new ArrayList<>();
    String title = null;
    for (ApiOperation operation : operations) {
      String base = type.simpleName()
          + (operations.size() > 1 ? Names.upperCamel(operation.method().toLowerCase(Locale.ROOT)) : "");
      try {
        check(operation);
        methods.addAll(methods(type, base, operation));
        title = title == null ? operation.summary() : title;
      } catch (Unsupported e) {
        excluded.put(operation.toString(), e.getMessage());
      }
    }
    if (methods.isEmpty()) {
      return;
    }
    String endpointPath = path.startsWith("/") ? path.substring(1) : path;
    // The Hong Kong API: its own path root, or the host an operation names.
    boolean hongKong = path.startsWith("/hk/") || operations.stream()
        .anyMatch(operation -> operation.baseUri() != null && operation.baseUri().contains("apihk."));
    declarations.put(type.qualifiedName(), new InterfaceDecl(type, endpointPath, title, methods, hongKong));
  }

  /** Throws {@link Unsupported} before anything of the operation is declared. */
  private void check(ApiOperation operation) {
    if (operation.path().equals("/v3/webhooks")) {
      // The corpus's way of describing the notifications WeChat Pay posts to a merchant.
      throw new Unsupported("describes the notifications WeChat Pay sends; not an operation to call");
    }
    for (Map<String, Object> parameter : operation.parameters()) {
      String in = String.valueOf(parameter.get("in"));
      switch (in) {
        case "path", "header" -> {}
        case "query" -> {
          Schema schema = parameterSchema(operation, parameter);
          if (schema instanceof ArraySchema array) {
            schema = array.items();
          }
          if (!(schema instanceof ScalarSchema)) {
            throw new Unsupported("query parameter '" + parameter.get("name") + "' is not a scalar or a list of them");
          }
        }
        case "body" -> checkSchema(reader.read(parameter.get("schema"), operation.file(), "body"), "body", true);
        case "formData" -> checkUpload(operation);
        default -> throw new Unsupported("parameter in " + in);
      }
    }
    Object answer = successResponse(operation);
    if (answer instanceof Map<?, ?> map && map.get("schema") != null && !isDownload(operation)) {
      checkSchema(reader.read(map.get("schema"), operation.file(), "answer"), "answer", true);
    }
  }

  /**
   * An upload the runtime's {@code Upload} sends: a {@code file} part and a {@code meta} part of exactly
   * {@code filename} and {@code sha256}, which the runtime computes.
   */
  private void checkUpload(ApiOperation operation) {
    List<Map<String, Object>> form = operation.parametersIn("formData");
    List<String> names = form.stream().map(parameter -> String.valueOf(parameter.get("name"))).sorted().toList();
    Object meta = form.stream().filter(parameter -> "meta".equals(parameter.get("name"))).findFirst()
        .map(parameter -> parameter.get("schema")).orElse(null);
    Set<String> metaFields = meta instanceof Map<?, ?> map && map.get("properties") instanceof Map<?, ?> properties
        ? new java.util.TreeSet<>(properties.keySet().stream().map(String::valueOf).toList()) : Set.of();
    if (!names.equals(List.of("file", "meta")) || !metaFields.equals(Set.of("filename", "sha256"))) {
      throw new Unsupported("multipart upload with parts " + names + " and meta " + metaFields
          + "; Upload sends a file with meta {filename, sha256} only");
    }
  }

  private static boolean isUpload(ApiOperation operation) {
    return !operation.parametersIn("formData").isEmpty();
  }

  private void checkSchema(Schema schema, String where, boolean top) {
    if (schema instanceof ObjectSchema object) {
      object.properties().values().forEach(property -> checkSchema(property.schema(), where + "." + property.name(), false));
    } else if (schema instanceof ArraySchema array) {
      checkSchema(array.items(), where + "[]", false);
    } else if (schema instanceof ScalarSchema scalar && scalar.type() == Schema.Scalar.FILE) {
      throw new Unsupported(where + " is a file");
    }
  }

  private List<Method> methods(ClassType endpoint, String base, ApiOperation operation) {
    String http = operation.method().toLowerCase(Locale.ROOT);
    boolean serial = operation.parametersIn("header").stream()
        .anyMatch(parameter -> "wechatpay-serial".equalsIgnoreCase(String.valueOf(parameter.get("name"))));
    String pkg = endpoint.packageName();
    List<Param> params = new ArrayList<>();
    Map<String, Map<String, Object>> pathParameters = new HashMap<>();
    operation.parametersIn("path").forEach(parameter -> pathParameters.put(String.valueOf(parameter.get("name")), parameter));
    for (String placeholder : operation.placeholders()) {
      Map<String, Object> parameter = pathParameters.getOrDefault(placeholder, Map.of());
      // Text whatever the corpus says: a path segment is text, and navigation binds it as such.
      params.add(new Param(Names.lowerCamel(placeholder), Kind.PATH, placeholder, JType.STRING, false,
          title(parameter.get("description"))));
    }
    List<Map<String, Object>> query = operation.parametersIn("query");
    if (query.size() == 1) {
      Map<String, Object> parameter = query.get(0);
      String name = String.valueOf(parameter.get("name"));
      boolean required = Boolean.TRUE.equals(parameter.get("required"));
      JType type = typeOf(parameterSchema(operation, parameter), new Context(pkg, base, name, false, false));
      params.add(new Param(Names.lowerCamel(name), Kind.QUERY, name, type, !required,
          title(parameter.get("description"))));
    } else if (query.size() > 1) {
      List<Component> components = new ArrayList<>();
      for (Map<String, Object> parameter : query) {
        String name = String.valueOf(parameter.get("name"));
        boolean required = Boolean.TRUE.equals(parameter.get("required"));
        JType type = typeOf(parameterSchema(operation, parameter), new Context(pkg, base, name, false, false));
        components.add(component(name, type, !required, false, title(parameter.get("description"))));
      }
      ClassType record = declareRecord(pkg, base + "Query", null, components, false, base, true);
      params.add(new Param("query", Kind.QUERY_RECORD, "", record, false, null));
    }
    for (Map<String, Object> parameter : operation.parametersIn("header")) {
      String name = String.valueOf(parameter.get("name"));
      if (RUNTIME_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      params.add(new Param(Names.lowerCamel(name), Kind.HEADER, name, JType.STRING,
          !Boolean.TRUE.equals(parameter.get("required")), title(parameter.get("description"))));
    }
    JType returns = null;
    boolean download = isDownload(operation);
    if (download) {
      returns = DOWNLOAD;
      params.add(new Param("hash", Kind.HASH, "", DOWNLOAD_HASH, false, null));
    } else if (successResponse(operation) instanceof Map<?, ?> answer && answer.get("schema") != null) {
      Schema schema = reader.read(answer.get("schema"), operation.file(), "answer");
      if (schema instanceof ObjectSchema object && !object.properties().isEmpty()) {
        returns = declareObject(object, new Context(pkg, base, null, true, serial), base + "Response", true);
      } else if (!(schema instanceof AnySchema) && !(schema instanceof ObjectSchema)) {
        throw new Unsupported("the answer is not an object");
      }
    }
    String javadoc = operation.summary();
    List<Method> methods = new ArrayList<>();
    List<Map<String, Object>> body = operation.parametersIn("body");
    if (isUpload(operation)) {
      List<Param> withFile = new ArrayList<>(params);
      withFile.add(new Param("file", Kind.UPLOAD, "", UPLOAD, false, null));
      methods.add(new Method(http, http, javadoc, withFile, returns, false, false, false));
      methods.add(new Method(http + "Async", http, javadoc, withFile, returns, true, false, false));
    } else if (!body.isEmpty()) {
      Schema schema = reader.read(body.get(0).get("schema"), operation.file(), "body");
      if (!(schema instanceof ObjectSchema object)) {
        throw new Unsupported("the body is not an object");
      }
      ClassType request = declareObject(object, new Context(pkg, base, null, false, serial), base + "Request", true);
      List<Param> withRecord = new ArrayList<>(params);
      withRecord.add(new Param("body", Kind.BODY, "", request, false, null));
      List<Param> withBuilder = new ArrayList<>(params);
      withBuilder.add(new Param("body", Kind.BUILDER, "", request, false, null));
      methods.add(new Method(http, http, javadoc, withRecord, returns, false, download, false));
      methods.add(new Method(http, http, javadoc, withBuilder, returns, false, download, false));
      methods.add(new Method(http + "Async", http, javadoc, withRecord, returns, true, download, false));
    } else {
      if (download && isBillQuery(params)) {
        List<Param> bill = List.of(new Param("bill", Kind.BODY, "", BILL_LOCATION, false, null));
        methods.add(new Method(http, http, javadoc, bill, returns, false, false, true));
        methods.add(new Method(http + "Async", http, javadoc, bill, returns, true, false, true));
      }
      methods.add(new Method(http, http, javadoc, params, returns, false, download, false));
      methods.add(new Method(http + "Async", http, javadoc, params, returns, true, download, false));
    }
    return methods;
  }

  /** A download whose query is a bill URL's: a {@code token} and a {@code tartype}, in a query record. */
  private boolean isBillQuery(List<Param> params) {
    if (params.size() != 2 || params.get(0).kind() != Kind.QUERY_RECORD) {
      return false;
    }
    RecordDecl query = (RecordDecl) declarations.get(((ClassType) params.get(0).type()).qualifiedName());
    return query.components().stream().map(Component::name).toList().equals(List.of("token", "tartype"));
  }

  /** Where the operation's parameters are read as a schema: its {@code type}, {@code enum}, {@code allOf}. */
  private Schema parameterSchema(ApiOperation operation, Map<String, Object> parameter) {
    Map<String, Object> schema = new LinkedHashMap<>(parameter);
    for (String key : List.of("name", "in", "required", "example")) {
      schema.remove(key);
    }
    schema.keySet().removeIf(key -> key.startsWith("x-") && !key.equals("x-json"));
    return reader.read(schema, operation.file(), "parameter " + parameter.get("name"));
  }

  /** The first 2xx answer, or null. */
  private static Object successResponse(ApiOperation operation) {
    return operation.responses().entrySet().stream().filter(entry -> entry.getKey().startsWith("2"))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }

  /** An answer that is a file (a bill, a PDF) rather than JSON. */
  private static boolean isDownload(ApiOperation operation) {
    return !operation.produces().isEmpty()
        && operation.produces().stream().noneMatch(type -> type.toLowerCase(Locale.ROOT).contains("json"));
  }

  /**
   * Where a type is declared and for what: the package, the record that holds it (for a fallback name),
   * the JSON name, whether it is read from an answer (every field optional there) and whether the
   * operation encrypts {@code base64} fields.
   */
  private record Context(String pkg, String owner, String property, boolean answer, boolean serial) {
    Context at(String owner, String property) {
      return new Context(pkg, owner, property, answer, serial);
    }
  }

  private JType typeOf(Schema schema, Context context) {
    if (schema instanceof ScalarSchema scalar) {
      if (!scalar.enumValues().isEmpty()) {
        if (scalar.type() == Schema.Scalar.STRING) {
          return declareEnum(scalar, context, false);
        }
        if (scalar.type() == Schema.Scalar.INTEGER && scalar.enumValues().stream().allMatch(Planner::isInt)) {
          return declareEnum(scalar, context, true);
        }
      }
      return switch (scalar.type()) {
        case STRING -> "rfc3339".equals(scalar.format()) || "date-time".equals(scalar.format())
            ? JType.DATE_TIME : JType.STRING;
        // Long unless the corpus says int32: amounts are in fen, and an int ends at 21 million yuan.
        case INTEGER -> "int32".equals(scalar.format()) ? JType.INTEGER : JType.LONG;
        case NUMBER -> JType.DOUBLE;
        case BOOLEAN -> JType.BOOLEAN;
        case FILE -> throw new Unsupported(context.property() + " is a file");
      };
    }
    if (schema instanceof ArraySchema array) {
      return new JType.ListType(typeOf(array.items(), context));
    }
    if (schema instanceof ObjectSchema object && object.properties().isEmpty()) {
      return JSON_VALUE;
    }
    if (schema instanceof ObjectSchema object) {
      return declareObject(object, context, candidateName(object.origin(), context), false);
    }
    return JSON_VALUE;
  }

  /** A shape's name before clashes: its definition's ({@code file#Name}), else its field's. */
  private static String candidateName(String origin, Context context) {
    return Names.upperCamel(origin != null ? origin.substring(origin.indexOf('#') + 1) : context.property());
  }

  private ClassType declareObject(ObjectSchema object, Context context, String candidate, boolean own) {
    String key = object.origin() != null ? object.origin() : null;
    if (key != null && !inProgress.add(key + context.answer())) {
      throw new Unsupported(candidate + " contains itself");
    }
    try {
      List<Component> components = new ArrayList<>();
      for (Property property : object.properties().values()) {
        JType type = typeOf(property.schema(), context.at(candidate, property.name()));
        boolean encrypted = type.equals(JType.STRING) && (property.sensitive()
            || (context.serial() && property.schema() instanceof ScalarSchema scalar && "base64".equals(scalar.format())));
        components.add(component(property.name(), type, context.answer() || !property.required(), encrypted,
            title(property.schema().description())));
      }
      return declareRecord(context.pkg(), candidate, title(object.description()), components, context.answer(),
          context.owner(), own);
    } finally {
      if (key != null) {
        inProgress.remove(key + context.answer());
      }
    }
  }

  private static Component component(String jsonName, JType type, boolean nullable, boolean encrypted, String title) {
    String name = Names.lowerCamel(jsonName);
    JType declared = nullable ? type : JType.unboxed(type);
    return new Component(name, declared, nullable, encrypted, jsonName, title);
  }

  /**
   * Declares a record, or finds the identical one of that name already declared in the artifact; an
   * {@code own} record (a body, answer or query) is never shared.
   */
  private ClassType declareRecord(String pkg, String candidate, String javadoc, List<Component> components,
      boolean answer, String owner, boolean own) {
    StringBuilder shape = new StringBuilder("record ").append(candidate).append(answer ? " answer" : "");
    for (Component component : components) {
      shape.append('|').append(component.name()).append(':').append(typeKey(component.type()))
          .append(component.nullable() ? "?" : "").append(component.encrypted() ? "!" : "")
          .append('=').append(component.wireName());
    }
    String key = shape.toString();
    boolean known = !own && shapes.containsKey(key);
    ClassType type = own ? new ClassType(pkg, allocate(pkg, candidate, owner)) : shared(key, pkg, candidate, owner);
    if (known) {
      return type;
    }
    shapeKeys.put(type, key);
    // A bill answer can be handed to the bill download as it is.
    boolean bill = answer && BILL_FIELDS.stream().allMatch(json -> components.stream().anyMatch(
        component -> component.type().equals(JType.STRING) && json.equals(component.wireName())));
    declarations.put(type.qualifiedName(), new RecordDecl(type, javadoc, List.copyOf(components),
        bill ? List.of(BILL_LOCATION) : List.of()));
    return type;
  }

  /**
   * The type of a shared shape used from {@code pkg}: the one already declared under {@code key}, else a new
   * name where the first pass placed it (in the first pass, {@code pkg} itself). Counts {@code pkg} a user.
   */
  private ClassType shared(String key, String pkg, String candidate, String owner) {
    usersByShape.computeIfAbsent(key, k -> new HashSet<>()).add(pkg);
    ClassType known = shapes.get(key);
    if (known != null) {
      return known;
    }
    String target = placement == null ? pkg : placement.get(key);
    ClassType type = new ClassType(target, allocate(target, candidate, owner));
    shapes.put(key, type);
    shapeKeys.put(type, key);
    return type;
  }

  /** A type as a shape key sees it: a declared shape by its own key, so that keys do not depend on names. */
  private String typeKey(JType type) {
    if (type instanceof JType.ListType list) {
      return "List<" + typeKey(list.item()) + ">";
    }
    if (type instanceof ClassType classType && shapeKeys.containsKey(classType)) {
      return "{" + shapeKeys.get(classType) + "}";
    }
    return JType.signature(type);
  }

  private static boolean isInt(Object value) {
    try {
      Integer.parseInt(String.valueOf(value));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private ClassType declareEnum(ScalarSchema scalar, Context context, boolean integer) {
    String candidate = candidateName(scalar.origin(), context);
    List<Constant> constants = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Object value : scalar.enumValues()) {
      String text = String.valueOf(value);
      String name = Names.enumConstant(text);
      if (name == null) {
        name = "V_" + (constants.size() + 1);
      }
      String unique = name;
      for (int i = 2; !used.add(unique); i++) {
        unique = name + "_" + i;
      }
      constants.add(new Constant(unique, integer || !unique.equals(text) ? text : null));
    }
    String shape = "enum " + candidate + (integer ? " numbers|" : "|") + constants;
    boolean known = shapes.containsKey(shape);
    ClassType type = shared(shape, context.pkg(), candidate, context.owner());
    if (known) {
      return type;
    }
    declarations.put(type.qualifiedName(), new EnumDecl(type, title(scalar.description()), integer, constants));
    return type;
  }

  /** A free simple name in {@code pkg}: the candidate, else prefixed by its owner, else numbered. */
  private String allocate(String pkg, String candidate, String owner) {
    List<String> tries = new ArrayList<>(List.of(candidate));
    if (owner != null && !candidate.startsWith(owner)) {
      tries.add(owner + candidate);
    }
    for (String name : tries) {
      if (isFree(pkg, name)) {
        reserve(pkg, name);
        return name;
      }
    }
    String last = tries.get(tries.size() - 1);
    for (int i = 2; ; i++) {
      if (isFree(pkg, last + i)) {
        reserve(pkg, last + i);
        return last + i;
      }
    }
  }

  private boolean isFree(String pkg, String name) {
    Set<String> used = namesByPackage.getOrDefault(pkg, Set.of());
    if (used.contains(name)) {
      return false;
    }
    // Nor may it be, or make, a name the processor writes beside another type.
    for (String suffix : COMPANIONS) {
      if (used.contains(name + suffix) || (name.endsWith(suffix) && used.contains(name.substring(0, name.length() - suffix.length())))) {
        return false;
      }
    }
    return true;
  }

  private void reserve(String pkg, String name) {
    namesByPackage.computeIfAbsent(pkg, p -> new HashSet<>()).add(name);
  }

  /** A short title for Javadoc: a single line of at most 30 characters, else nothing. */
  static String title(Object description) {
    if (description == null) {
      return null;
    }
    String text = String.valueOf(description).strip();
    if (text.isEmpty() || text.contains("\n") || text.codePointCount(0, text.length()) > 30 || text.contains("http")) {
      return null;
    }
    return text;
  }

  /** Why an operation is left out. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message, null, false, false);
    }
  }
}
