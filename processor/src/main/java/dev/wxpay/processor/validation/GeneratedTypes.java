package dev.wxpay.processor.validation;

import dev.wxpay.processor.model.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides, before anything is built, whether a generated type is to be written: once per compilation,
 * never over a type of that name that exists for something else, and never for two declarations.
 * Clashes are reported on the declaration.
 */
public final class GeneratedTypes {
  /** What to do with a generated type. */
  public enum Decision {
    WRITE,
    /** Exists already as what this processor would write, e.g. a library built with wxpay; or written. */
    SKIP,
    /** Reported. */
    CLASH
  }

  private static final String SPI = "dev.wxpay.runtime.spi.";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  /** Generated types of this compilation by qualified name, with the declaration each is for. */
  private final Map<String, String> claimed = new HashMap<>();

  public GeneratedTypes(ProcessingEnvironment env, Reporter reporter) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.reporter = reporter;
  }

  /** Claims {@code generated} for {@code origin}, the declaration it is written for. */
  public Decision claim(QualifiedName generated, TypeElement origin) {
    String qualified = generated.canonicalName();
    String owner = origin.getQualifiedName().toString();
    String previousOwner = claimed.putIfAbsent(qualified, owner);
    if (previousOwner != null) {
      if (previousOwner.equals(owner)) {
        return Decision.SKIP;
      }
      reporter.error(origin, "wxpay generates " + qualified + " for both " + previousOwner + " and " + owner
          + "; rename one of them");
      return Decision.CLASH;
    }
    TypeElement existing = elements.getTypeElement(qualified);
    if (existing == null) {
      return Decision.WRITE;
    }
    if (isGeneratedFor(existing, origin)) {
      if (!isCurrentShape(existing)) {
        reporter.error(origin, qualified + " exists, but not in the shape this wxpay-processor generates"
            + " (a library built by an older version?); rebuild it with this version");
        return Decision.CLASH;
      }
      return Decision.SKIP;
    }
    reporter.error(origin, "wxpay generates " + qualified + " for " + owner + ", but a type of that name"
        + " already exists; rename one of them");
    return Decision.CLASH;
  }

  /** Whether a generated type of this name exists or was claimed, e.g. a Kotlin DSL from a library. */
  public boolean exists(QualifiedName generated) {
    return claimed.containsKey(generated.canonicalName())
        || elements.getTypeElement(generated.canonicalName()) != null;
  }

  /**
   * Whether a type generated earlier has what today's generated code calls: an adapter's
   * {@code INSTANCE}, a builder's {@code build(path, missing)}, a client without the old ServiceLoader
   * factory.
   */
  private static boolean isCurrentShape(TypeElement existing) {
    String superclass = existing.getSuperclass().toString();
    if (superclass.startsWith("com.squareup.moshi.JsonAdapter")) {
      return ElementFilter.fieldsIn(existing.getEnclosedElements()).stream()
          .anyMatch(field -> field.getSimpleName().contentEquals("INSTANCE"));
    }
    boolean builder = existing.getInterfaces().stream()
        .anyMatch(type -> type.toString().startsWith(SPI + "ModelBuilder"));
    if (builder) {
      return ElementFilter.methodsIn(existing.getEnclosedElements()).stream()
          .anyMatch(method -> method.getSimpleName().contentEquals("build") && method.getParameters().size() == 2);
    }
    return ElementFilter.typesIn(existing.getEnclosedElements()).stream()
        .noneMatch(nested -> nested.getSimpleName().contentEquals("Factory"));
  }

  /**
   * Whether an existing type is what this processor writes for {@code origin}, compiled earlier (a
   * library built with wxpay): a builder of the record, an adapter, or a client of the interface.
   */
  private boolean isGeneratedFor(TypeElement existing, TypeElement origin) {
    TypeMirror originType = types.erasure(origin.asType());
    List<TypeMirror> supertypes = new ArrayList<>(existing.getInterfaces());
    supertypes.add(existing.getSuperclass());
    for (TypeMirror supertype : supertypes) {
      if (supertype.getKind() != TypeKind.DECLARED) {
        continue;
      }
      DeclaredType declared = (DeclaredType) supertype;
      String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      boolean ours = name.equals(SPI + "ModelBuilder") || name.equals("com.squareup.moshi.JsonAdapter");
      if (ours && declared.getTypeArguments().size() == 1
          && types.isSameType(types.erasure(declared.getTypeArguments().get(0)), originType)) {
        return true;
      }
      if (types.isSameType(types.erasure(supertype), originType)) {
        return true;
      }
    }
    return false;
  }
}
