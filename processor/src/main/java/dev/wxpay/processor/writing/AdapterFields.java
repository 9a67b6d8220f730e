package dev.wxpay.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The JSON adapters a generated class holds, one null-safe field per distinct type, named after the
 * type ({@code stringAdapter}, {@code listOfStockUseRuleAdapter}, ...).
 */
final class AdapterFields {
  private final ClassName self;
  private final Set<String> taken;
  private final Map<TypeName, String> names = new LinkedHashMap<>();
  private final Map<TypeName, TypeRef> refs = new LinkedHashMap<>();

  /**
   * @param self the model whose adapter holds these fields, which uses itself for its own type; null
   *     for a client
   * @param taken names the fields must not hide, such as locals and parameters of the generated class
   */
  AdapterFields(ClassName self, Set<String> taken) {
    this.self = self;
    this.taken = new HashSet<>(taken);
  }

  /** The field name holding the adapter for {@code type}, adding the field on first use. */
  String name(TypeRef type) {
    TypeName key = type.javaType().box();
    String existing = names.get(key);
    if (existing != null) {
      return existing;
    }
    String base = Names.decapitalize(simpleName(type)) + "Adapter";
    String name = base;
    // Two types with one simple name (favor.DiscountCoupon, product_coupons.DiscountCoupon) get two fields.
    for (int i = 2; !taken.add(name); i++) {
      name = base + i;
    }
    names.put(key, name);
    refs.put(key, type);
    return name;
  }

  void addTo(TypeSpec.Builder type) {
    for (Map.Entry<TypeName, String> entry : names.entrySet()) {
      TypeName adapterType = ParameterizedTypeName.get(Types.JSON_ADAPTER, entry.getKey());
      type.addField(FieldSpec.builder(adapterType, entry.getValue(), Modifier.PRIVATE, Modifier.FINAL)
          .initializer("$L.nullSafe()", create(refs.get(entry.getKey())))
          .build());
    }
  }

  private static String simpleName(TypeRef type) {
    return switch (type.kind()) {
      case STRING -> "String";
      case INT -> "Integer";
      case LONG -> "Long";
      case BOOLEAN -> "Boolean";
      case DOUBLE -> "Double";
      case DATE_TIME -> "OffsetDateTime";
      case ENUM, RECORD -> String.join("", type.model().simpleNames());
      case LIST -> "ListOf" + simpleName(type.element());
    };
  }

  /**
   * An expression creating the (not yet null-safe) adapter for {@code type}. A record refers to its own
   * adapter as {@code this}, so a self-referencing record does not build adapters without end.
   */
  private CodeBlock create(TypeRef type) {
    if (type.kind() == TypeRef.Kind.RECORD && type.model().equals(self)) {
      return CodeBlock.of("this");
    }
    return switch (type.kind()) {
      case STRING -> CodeBlock.of("$T.STRING", Types.JSON_ADAPTERS);
      case INT -> CodeBlock.of("$T.INTEGER", Types.JSON_ADAPTERS);
      case LONG -> CodeBlock.of("$T.LONG", Types.JSON_ADAPTERS);
      case BOOLEAN -> CodeBlock.of("$T.BOOLEAN", Types.JSON_ADAPTERS);
      case DOUBLE -> CodeBlock.of("$T.DOUBLE", Types.JSON_ADAPTERS);
      case DATE_TIME -> CodeBlock.of("$T.OFFSET_DATE_TIME", Types.JSON_ADAPTERS);
      case LIST -> CodeBlock.of("$T.listOf($L)", Types.JSON_ADAPTERS, create(type.element()));
      case RECORD, ENUM -> CodeBlock.of("new $T()", Names.sibling(type.model(), Names.ADAPTER_SUFFIX));
    };
  }
}
