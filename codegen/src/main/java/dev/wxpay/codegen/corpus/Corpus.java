package dev.wxpay.codegen.corpus;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The WeChat Pay OpenAPI corpus: {@code swagger.yaml} lists every URL path with a {@code $ref} to its
 * file; each file holds that path's operations; schemas refer into {@code definitions/*.yaml} and into
 * their own file. Loads every operation once, resolves {@code $ref}s in the four spellings the corpus
 * uses, and lists what it had to read past as {@link Problem}s.
 */
public final class Corpus {
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  private final Path root;
  private final Map<String, Map<String, Object>> files = new HashMap<>();
  private final List<ApiOperation> operations = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private Corpus(Path root) {
    this.root = root;
  }

  /** Loads the corpus under {@code root}, the folder that holds {@code swagger.yaml}. */
  public static Corpus load(Path root) throws IOException {
    Corpus corpus = new Corpus(root);
    corpus.read();
    return corpus;
  }

  /** Every operation, in the order of {@code swagger.yaml}'s paths. */
  public List<ApiOperation> operations() {
    return operations;
  }

  /** The operations of the JSON APIs (v3, hk/v3, global/v3). */
  public List<ApiOperation> jsonOperations() {
    return operations.stream().filter(operation -> operation.area().isJson()).toList();
  }

  /** What the reader had to read past, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * Resolves a {@code $ref} written in {@code file}: {@code Other.yaml#Name}, {@code Other.yaml#/Name},
   * {@code #Name} or {@code #/Name}, paths relative to {@code file}.
   *
   * @throws IllegalArgumentException if the file or the name does not exist
   */
  public Resolved resolve(String file, String ref) throws IOException {
    int hash = ref.indexOf('#');
    String target = hash < 0 ? ref : ref.substring(0, hash);
    String name = hash < 0 ? "" : ref.substring(hash + 1);
    if (name.startsWith("/")) {
      name = name.substring(1);
    }
    String targetFile = target.isEmpty() ? file : normalize(file, target);
    Map<String, Object> document = file(targetFile);
    if (name.isEmpty()) {
      return new Resolved(targetFile, "", document);
    }
    Object node = document.get(name);
    if (node == null) {
      throw new IllegalArgumentException("no " + name + " in " + targetFile);
    }
    return new Resolved(targetFile, name, node);
  }

  /** What a {@code $ref} points to: the file it is in, its name there, and the YAML node. */
  public record Resolved(String file, String name, Object node) {}

  private void read() throws IOException {
    Map<String, Object> swagger = file("swagger.yaml");
    Set<String> listed = new HashSet<>();
    for (Map.Entry<String, Object> entry : map(swagger.get("paths"), "swagger.yaml paths").entrySet()) {
      String path = entry.getKey();
      String file = normalize("swagger.yaml", (String) map(entry.getValue(), path).get("$ref"));
      listed.add(file);
      readPathFile(path, file);
    }
    // A path file that swagger.yaml forgot still describes an operation: its URL is its file path.
    for (String file : pathFiles()) {
      if (!listed.contains(file)) {
        problems.add(new Problem(file, "", "is not listed in swagger.yaml; read with URL path /"
            + file.substring(0, file.length() - ".yaml".length())));
        readPathFile("/" + file.substring(0, file.length() - ".yaml".length()), file);
      }
    }
    for (ApiOperation operation : operations) {
      checkRefs(operation);
    }
  }

  private void readPathFile(String path, String file) throws IOException {
    Map<String, Object> document = file(file);
    for (String method : METHODS) {
      Object operation = document.get(method);
      if (operation != null) {
        operations.add(operation(path, method, file, map(operation, file + " " + method)));
      }
    }
  }

  /** The path files under the API folders, sorted, relative to the root. */
  private List<String> pathFiles() throws IOException {
    List<String> found = new ArrayList<>();
    for (String folder : List.of("v3", "hk", "global", "v2")) {
      Path start = root.resolve(folder);
      if (!Files.isDirectory(start)) {
        continue;
      }
      try (var paths = Files.walk(start)) {
        paths.filter(path -> path.toString().endsWith(".yaml"))
            .forEach(path -> found.add(root.relativize(path).toString().replace('\\', '/')));
      }
    }
    found.sort(null);
    return found;
  }

  private ApiOperation operation(String path, String method, String file, Map<String, Object> yaml)
      throws IOException {
    String where = method.toUpperCase(Locale.ROOT);
    List<String> tags = strings(yaml.get("tags"));
    if (tags.isEmpty() && yaml.containsKey("tag")) {
      problems.add(new Problem(file, where, "writes 'tag:' for 'tags:'"));
      tags = strings(yaml.get("tag"));
    }
    if (tags.isEmpty()) {
      problems.add(new Problem(file, where, "has no tag"));
    }
    List<Map<String, Object>> parameters = new ArrayList<>();
    Object declared = yaml.get("parameters");
    for (Object item : declared == null ? List.of() : (List<?>) declared) {
      Map<String, Object> parameter = map(item, file + " parameter");
      if (parameter.get("$ref") instanceof String ref) {
        parameter = map(resolve(file, ref).node(), ref);
      }
      if (parameter.containsKey("require") && !parameter.containsKey("required")) {
        problems.add(new Problem(file, where, "parameter '" + parameter.get("name") + "' writes 'require:' for"
            + " 'required:'"));
        parameter = new LinkedHashMap<>(parameter);
        parameter.put("required", parameter.remove("require"));
      }
      parameters.add(parameter);
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    Object declaredResponses = yaml.get("responses");
    if (declaredResponses != null) {
      // YAML reads 200 as a number and '200' as text; the corpus writes both.
      for (Map.Entry<?, ?> response : ((Map<?, ?>) map(declaredResponses, file + " responses")).entrySet()) {
        responses.put(String.valueOf(response.getKey()), response.getValue());
      }
    }
    ApiOperation operation = new ApiOperation(path, method.toUpperCase(Locale.ROOT), file, Area.of(file),
        (String) yaml.get("summary"), tags, Boolean.TRUE.equals(yaml.get("deprecated")), List.copyOf(parameters),
        responses, strings(yaml.get("produces")), strings(yaml.get("consumes")),
        (String) yaml.get("x-baseuri"));
    checkPlaceholders(operation);
    return operation;
  }

  /** Placeholders of the URL and path parameters must name the same things. */
  private void checkPlaceholders(ApiOperation operation) {
    if (operation.path().endsWith("/")) {
      problems.add(new Problem(operation.file(), operation.method(), "the URL path ends with '/'"));
    }
    Set<String> placeholders = new HashSet<>(operation.placeholders());
    Set<String> parameters = new HashSet<>();
    for (Map<String, Object> parameter : operation.parametersIn("path")) {
      parameters.add(String.valueOf(parameter.get("name")));
    }
    if (!placeholders.equals(parameters)) {
      problems.add(new Problem(operation.file(), operation.method(), "placeholders " + sorted(placeholders)
          + " but path parameters " + sorted(parameters)));
    }
  }

  /** Every {@code $ref} reachable from an operation must resolve; each target is walked once. */
  private void checkRefs(ApiOperation operation) throws IOException {
    Set<String> seen = new HashSet<>();
    Map<String, Object> document = file(operation.file());
    walk(document.get(operation.method().toLowerCase(Locale.ROOT)), operation.file(), operation, seen);
  }

  private void walk(Object node, String file, ApiOperation operation, Set<String> seen) throws IOException {
    if (node instanceof Map<?, ?> map) {
      if (map.get("$ref") instanceof String ref) {
        Resolved resolved;
        try {
          resolved = resolve(file, ref);
        } catch (IllegalArgumentException | IOException e) {
          problems.add(new Problem(operation.file(), operation.method(), "$ref " + ref + " does not resolve: "
              + e.getMessage()));
          return;
        }
        if (seen.add(resolved.file() + "#" + resolved.name())) {
          walk(resolved.node(), resolved.file(), operation, seen);
        }
      }
      for (Object value : map.values()) {
        walk(value, file, operation, seen);
      }
    } else if (node instanceof List<?> list) {
      for (Object value : list) {
        walk(value, file, operation, seen);
      }
    }
  }

  private Map<String, Object> file(String relative) throws IOException {
    Map<String, Object> cached = files.get(relative);
    if (cached != null) {
      return cached;
    }
    Path path = root.resolve(relative);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no file " + relative);
    }
    Object document;
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }
    Map<String, Object> map = map(document, relative);
    files.put(relative, map);
    return map;
  }

  /** {@code target} relative to the folder of {@code from}, as a corpus-relative path with '/'. */
  private static String normalize(String from, String target) {
    Path base = Path.of(from).getParent();
    Path resolved = (base == null ? Path.of(target) : base.resolve(target)).normalize();
    return resolved.toString().replace('\\', '/').replaceFirst("^\\./", "");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String what) {
    if (!(node instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(what + " is not a YAML map");
    }
    return (Map<String, Object>) node;
  }

  private static List<String> strings(Object node) {
    List<String> out = new ArrayList<>();
    if (node instanceof List<?> list) {
      list.forEach(item -> out.add(String.valueOf(item)));
    } else if (node != null) {
      out.add(String.valueOf(node));
    }
    return out;
  }

  private static List<String> sorted(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(null);
    return list;
  }
}
