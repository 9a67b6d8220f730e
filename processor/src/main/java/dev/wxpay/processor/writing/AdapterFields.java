package dev.wxpay.processor.writing;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import dev.wxpay.processor.model.Names;
import dev.wxpay.processor.model.TypeRef;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The JSON adapters a generated adapter delegates to, one null-safe field per distinct type, named after
 * the type ({@code stringAdapter}, {@code listOfStockUseRuleAdapter}, ...). Generated adapters are
 * stateless singletons ({@code INSTANCE}), so these fields exist once per model, not once per use.
 */
final class AdapterFields {
  private final ClassName self;
  private final Set<String> taken;
  private final Map<TypeName, String> names = new LinkedHashMap<>();
  private final Map<TypeName, TypeRef> refs = new LinkedHashMap<>();

  /**
   * @param self the model whose adapter holds these fields, which uses itself for its own type
   * @param taken names the fields must not hide, such as locals and parameters of the generated class
   */
  AdapterFields(ClassName self, Set<String> taken) {
    this.self = self;
    this.taken = new HashSet<>(taken);
  }

  /** The field name holding the adapter for {@code type}, adding the field on first use. */
  String name(TypeRef type) {
    TypeName key = JavaTypes.javaType(type).box();
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
      TypeName adapterType = ParameterizedTypeName.get(JavaTypes.JSON_ADAPTER, entry.getKey());
      type.addField(FieldSpec.builder(adapterType, entry.getValue(), Modifier.PRIVATE, Modifier.FINAL)
          .initializer("$L.nullSafe()", adapter(refs.get(entry.getKey())))
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
      case JSON -> "JsonValue";
      case ENUM, RECORD -> String.join("", type.named().simpleNames());
      case LIST -> "ListOf" + simpleName(type.element());
    };
  }

  /**
   * The shared (not yet null-safe) adapter for {@code type}. A record refers to its own adapter as
   * {@code this}: its INSTANCE is not assigned while it is being constructed.
   */
  private CodeBlock adapter(TypeRef type) {
    if (type.kind() == TypeRef.Kind.RECORD && JavaTypes.className(type.named()).equals(self)) {
      return CodeBlock.of("this");
    }
    return switch (type.kind()) {
      case STRING -> CodeBlock.of("$T.STRING", JavaTypes.JSON_ADAPTERS);
      case INT -> CodeBlock.of("$T.INTEGER", JavaTypes.JSON_ADAPTERS);
      case LONG -> CodeBlock.of("$T.LONG", JavaTypes.JSON_ADAPTERS);
      case BOOLEAN -> CodeBlock.of("$T.BOOLEAN", JavaTypes.JSON_ADAPTERS);
      case DOUBLE -> CodeBlock.of("$T.DOUBLE", JavaTypes.JSON_ADAPTERS);
      case DATE_TIME -> CodeBlock.of("$T.OFFSET_DATE_TIME", JavaTypes.JSON_ADAPTERS);
      // Beside the type rather than in JsonAdapters: the runtime's spi does not use its API package.
      case JSON -> CodeBlock.of("$T.adapter()", JavaTypes.JSON_VALUE);
      case LIST -> CodeBlock.of("$T.listOf($L)", JavaTypes.JSON_ADAPTERS, adapter(type.element()));
      case RECORD, ENUM -> CodeBlock.of("$T.INSTANCE", JavaTypes.adapter(type.named()));
    };
  }
}
