package dev.wxpay.codegen.corpus;

import dev.wxpay.codegen.corpus.Schema.AnySchema;
import dev.wxpay.codegen.corpus.Schema.ArraySchema;
import dev.wxpay.codegen.corpus.Schema.ObjectSchema;
import dev.wxpay.codegen.corpus.Schema.Property;
import dev.wxpay.codegen.corpus.Schema.Scalar;
import dev.wxpay.codegen.corpus.Schema.ScalarSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML schema nodes into {@link Schema}s: follows {@code $ref}s (each named definition read once,
 * so shared definitions stay shared), merges {@code allOf} parts, and lists what it reads past as
 * {@link Problem}s rather than guessing: unknown types, {@code properties:} left empty with the fields
 * beside it, {@code required} names that are no property, arrays without {@code items}.
 */
public final class SchemaReader {
  private static final Set<String> KNOWN_KEYS = Set.of("type", "format", "description", "example", "enum",
      "properties", "required", "items", "allOf", "$ref", "x-is-sensitive", "x-json", "x-key", "title",
      "maxLength", "minLength", "maximum", "minimum", "pattern", "default", "nullable", "maxItems",
      "minItems", "readOnly", "deprecated", "schema", "uniqueItems");

  private final Corpus corpus;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Schema> definitions = new HashMap<>();

  public SchemaReader(Corpus corpus) {
    this.corpus = corpus;
  }

  /** What was read past so far. */
  public List<Problem> problems() {
    return problems;
  }

  /** Reads the schema {@code node} written in {@code file}; {@code where} names it in problems. */
  public Schema read(Object node, String file, String where) {
    try {
      return schema(node, file, where);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Schema schema(Object node, String file, String where) throws IOException {
    if (!(node instanceof Map<?, ?> yaml)) {
      problems.add(new Problem(file, where, "schema is " + (node == null ? "null" : "not a map")));
      return new AnySchema(null);
    }
    if (yaml.get("$ref") instanceof String ref) {
      return reference(ref, file, where);
    }
    if (yaml.get("allOf") instanceof List<?> parts) {
      return allOf(parts, string(yaml.get("description")), file, where);
    }
    for (Object key : yaml.keySet()) {
      if (!KNOWN_KEYS.contains(String.valueOf(key))) {
        problems.add(new Problem(file, where, "unknown schema key '" + key + "'"));
      }
    }
    String description = string(yaml.get("description"));
    Object type = yaml.get("type");
    if (type == null && yaml.containsKey("properties")) {
      type = "object";
    }
    if (type == null) {
      if (yaml.containsKey("enum")) {
        problems.add(new Problem(file, where, "an enum without a type; read as string"));
        type = "string";
      } else {
        return new AnySchema(description);
      }
    }
    return switch (String.valueOf(type)) {
      case "object" -> object(yaml, null, file, where, true);
      case "array" -> {
        if (yaml.get("items") == null) {
          problems.add(new Problem(file, where, "an array without items; read as an array of anything"));
          yield new ArraySchema(description, new AnySchema(null));
        }
        yield new ArraySchema(description, schema(yaml.get("items"), file, where + "[]"));
      }
      case "string" -> scalar(Scalar.STRING, yaml, file, where);
      case "integer" -> scalar(Scalar.INTEGER, yaml, file, where);
      case "number" -> scalar(Scalar.NUMBER, yaml, file, where);
      case "boolean" -> scalar(Scalar.BOOLEAN, yaml, file, where);
      case "file" -> scalar(Scalar.FILE, yaml, file, where);
      default -> {
        problems.add(new Problem(file, where, "unknown type '" + type + "'; read as string"));
        yield scalar(Scalar.STRING, yaml, file, where);
      }
    };
  }

  private Schema reference(String ref, String file, String where) throws IOException {
    Corpus.Resolved resolved;
    try {
      resolved = corpus.resolve(file, ref);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(file, where, "$ref " + ref + " does not resolve"));
      return new AnySchema(null);
    }
    String key = resolved.file() + "#" + resolved.name();
    Schema known = definitions.get(key);
    if (known != null) {
      return known;
    }
    Schema read = schema(resolved.node(), resolved.file(), key);
    if (read instanceof ObjectSchema object && object.origin() == null) {
      // A named definition keeps its name, so it becomes one shared record.
      read = new ObjectSchema(key, object.description(), object.properties());
    } else if (read instanceof ScalarSchema scalar && scalar.origin() == null && !scalar.enumValues().isEmpty()) {
      // A named enum keeps its name too.
      read = new ScalarSchema(key, scalar.type(), scalar.format(), scalar.enumValues(), scalar.description(),
          scalar.embedded());
    }
    definitions.put(key, read);
    return read;
  }

  /** An object; {@code checkRequired} is off for an allOf part, whose required names may be another part's. */
  private ObjectSchema object(Map<?, ?> yaml, String origin, String file, String where, boolean checkRequired)
      throws IOException {
    Map<String, Property> properties = new LinkedHashMap<>();
    Object declared = yaml.get("properties");
    if (yaml.containsKey("properties") && !(declared instanceof Map<?, ?>)) {
      problems.add(new Problem(file, where, "'properties:' is empty; the fields, if any, are mis-indented"));
    }
    Set<String> required = new LinkedHashSet<>();
    if (yaml.get("required") instanceof List<?> names) {
      names.forEach(name -> required.add(String.valueOf(name)));
    }
    Set<String> sensitive = new LinkedHashSet<>();
    Object marked = yaml.get("x-is-sensitive");
    if (marked instanceof List<?> names) {
      names.forEach(name -> sensitive.add(String.valueOf(name)));
    } else if (marked != null) {
      sensitive.add(String.valueOf(marked));
    }
    if (declared instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String name = String.valueOf(entry.getKey());
        properties.put(name, new Property(name, schema(entry.getValue(), file, where + "." + name),
            required.contains(name), sensitive.contains(name)));
      }
    }
    for (String name : checkRequired ? required : Set.<String>of()) {
      if (!properties.containsKey(name)) {
        problems.add(new Problem(file, where, "required '" + name + "' is no property"));
      }
    }
    return new ObjectSchema(origin, string(yaml.get("description")), properties);
  }

  private ScalarSchema scalar(Scalar type, Map<?, ?> yaml, String file, String where) throws IOException {
    List<Object> values = new ArrayList<>();
    if (yaml.get("enum") instanceof List<?> list) {
      for (Object value : list) {
        if (values.contains(value)) {
          problems.add(new Problem(file, where, "enum value " + value + " is listed twice"));
        } else {
          values.add(value);
        }
      }
    }
    Schema embedded = yaml.containsKey("x-json") ? schema(yaml.get("x-json"), file, where + "(x-json)") : null;
    return new ScalarSchema(null, type, string(yaml.get("format")), List.copyOf(values), string(yaml.get("description")),
        embedded);
  }

  /**
   * Merges {@code allOf}: objects join their properties and required names; a scalar enum followed by
   * {@code {enum: [...]}} parts extends the enum (the corpus's way of adding values).
   */
  private Schema allOf(List<?> parts, String description, String file, String where) throws IOException {
    List<Schema> read = new ArrayList<>();
    Set<String> requiredNames = new LinkedHashSet<>();
    for (int i = 0; i < parts.size(); i++) {
      Object part = parts.get(i);
      if (part instanceof Map<?, ?> map && !map.containsKey("$ref") && map.containsKey("enum") && !read.isEmpty()
          && read.get(0) instanceof ScalarSchema first
          && (!map.containsKey("type") || first.type().name().equalsIgnoreCase(String.valueOf(map.get("type"))))) {
        ScalarSchema base = (ScalarSchema) read.remove(0);
        List<Object> values = new ArrayList<>(base.enumValues());
        for (Object value : (List<?>) map.get("enum")) {
          if (!values.contains(value)) {
            values.add(value);
          }
        }
        read.add(0, new ScalarSchema(base.origin(), base.type(), base.format(), List.copyOf(values), base.description(), null));
        continue;
      }
      String partWhere = where + "(allOf " + i + ")";
      if (part instanceof Map<?, ?> map && !map.containsKey("$ref") && !map.containsKey("allOf")
          && ("object".equals(map.get("type")) || (map.get("type") == null && map.containsKey("properties")))) {
        if (map.get("required") instanceof List<?> names) {
          names.forEach(name -> requiredNames.add(String.valueOf(name)));
        }
        read.add(object(map, null, file, partWhere, false));
      } else {
        read.add(schema(part, file, partWhere));
      }
    }
    if (read.size() == 1) {
      return read.get(0);
    }
    Map<String, Property> properties = new LinkedHashMap<>();
    for (Schema part : read) {
      if (!(part instanceof ObjectSchema object)) {
        problems.add(new Problem(file, where, "allOf mixes an object with " + part.getClass().getSimpleName()));
        continue;
      }
      for (Property property : object.properties().values()) {
        Property earlier = properties.get(property.name());
        Schema schema = property.schema();
        if (earlier != null && earlier.schema() instanceof ObjectSchema first
            && schema instanceof ObjectSchema second && !first.equals(second)) {
          // Both parts describe the object: allOf asks for both, so their fields join.
          schema = merge(first, second);
        } else if (earlier != null && !earlier.schema().equals(schema)) {
          problems.add(new Problem(file, where, "allOf parts give '" + property.name() + "' two shapes; the last wins"));
        }
        properties.put(property.name(), joined(earlier, property, schema));
      }
    }
    for (String name : requiredNames) {
      Property property = properties.get(name);
      if (property == null) {
        problems.add(new Problem(file, where, "required '" + name + "' is no property"));
      } else if (!property.required()) {
        properties.put(name, new Property(name, property.schema(), true, property.sensitive()));
      }
    }
    return new ObjectSchema(null, description, properties);
  }

  /** {@code next} with {@code schema}, over {@code earlier} (or null): required or sensitive if either is. */
  private static Property joined(Property earlier, Property next, Schema schema) {
    return new Property(next.name(), schema, next.required() || (earlier != null && earlier.required()),
        next.sensitive() || (earlier != null && earlier.sensitive()));
  }

  /** Two descriptions of one object, joined: every field of both, nested objects joined alike. */
  private static ObjectSchema merge(ObjectSchema first, ObjectSchema second) {
    Map<String, Property> properties = new LinkedHashMap<>(first.properties());
    for (Property property : second.properties().values()) {
      Property earlier = properties.get(property.name());
      Schema schema = property.schema();
      if (earlier != null && earlier.schema() instanceof ObjectSchema a && schema instanceof ObjectSchema b) {
        schema = merge(a, b);
      }
      properties.put(property.name(), joined(earlier, property, schema));
    }
    return new ObjectSchema(first.origin() != null ? first.origin() : second.origin(),
        first.description() != null ? first.description() : second.description(), properties);
  }

  private static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
