package dev.wxpay.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.JavaFile;
import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Model;
import dev.wxpay.processor.Descriptors.EndpointDescriptor;
import dev.wxpay.processor.Descriptors.EnumDescriptor;
import dev.wxpay.processor.Descriptors.ModelDescriptor;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The entry point: it only dispatches. Each round it parses the {@code @Endpoint} interfaces (validation
 * and model), then hands descriptors to the writers: a client per interface, a builder and adapter per
 * record, an adapter per enum. The ServiceLoader registration of all clients is written at the end.
 */
@AutoService(Processor.class)
public final class WxpayProcessor extends AbstractProcessor {
  static final String SERVICE_FILE = "META-INF/services/dev.wxpay.runtime.spi.EndpointFactory";

  private Reporter reporter;
  private ModelParser models;
  private EndpointParser endpoints;
  /** Interfaces waiting for a builder type another round may generate, by qualified name. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** The types this processor has written, by qualified name, with the type each was written for. */
  private final Map<String, String> written = new HashMap<>();
  private final List<String> factories = new ArrayList<>();
  private final Set<String> kotlinWritten = new java.util.HashSet<>();
  private final List<Element> factoryOrigins = new ArrayList<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Endpoint.class.getCanonicalName(), Model.class.getCanonicalName());
  }

  /** Where to write the Kotlin DSL: kapt's own option, or ours for a plain javac build. */
  static final String KAPT_KOTLIN_GENERATED = "kapt.kotlin.generated";
  static final String KOTLIN_DIR = "wxpay.kotlin.dir";

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(KAPT_KOTLIN_GENERATED, KOTLIN_DIR);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (reporter == null) {
      reporter = new Reporter(processingEnv.getMessager());
      Sources sources = new Sources(processingEnv);
      models = new ModelParser(sources, reporter);
      endpoints = new EndpointParser(processingEnv, sources, reporter, models);
    }
    if (round.processingOver()) {
      // Builders that never appeared: now the unresolved types are real errors.
      for (String name : deferred) {
        endpoints.parse(processingEnv.getElementUtils().getTypeElement(name), true);
      }
      deferred.clear();
      writeServiceFile();
      return false;
    }

    Set<Element> todo = new LinkedHashSet<>(round.getElementsAnnotatedWith(Endpoint.class));
    for (String name : deferred) {
      todo.add(processingEnv.getElementUtils().getTypeElement(name));
    }
    deferred.clear();
    for (Element element : todo) {
      EndpointParser.Result result = endpoints.parse(element, false);
      if (result instanceof EndpointParser.Parsed parsed) {
        EndpointDescriptor endpoint = parsed.endpoint();
        if (write(endpoint.clientName(), ClientWriter.write(endpoint), endpoint.originatingElement())) {
          factories.add(endpoint.clientName().reflectionName() + "$Factory");
          factoryOrigins.add(endpoint.originatingElement());
          // Only where kotlinx-coroutines is there to compile them against.
          if (processingEnv.getElementUtils().getTypeElement(EndpointParser.FUTURE_KT) != null) {
            writeKotlin(KotlinAwaitWriter.write(endpoint), endpoint.originatingElement());
          }
        }
      } else if (result instanceof EndpointParser.Deferred) {
        deferred.add(((TypeElement) element).getQualifiedName().toString());
      }
    }
    for (Element element : round.getElementsAnnotatedWith(Model.class)) {
      if (element.getKind() == ElementKind.RECORD) {
        models.parseRecord((TypeElement) element);
      } else {
        reporter.error(element, "@Model applies to records, but " + element.getSimpleName() + " is not one");
      }
    }
    for (ModelDescriptor model : models.models().values()) {
      if (models.reportsCycle(model)) {
        continue;
      }
      if (write(model.builderName(), BuilderWriter.write(model), model.originatingElement())
          || kotlinDslMissing(model)) {
        writeKotlin(model);
      }
      write(model.adapterName(), AdapterWriter.write(model), model.originatingElement());
    }
    for (EnumDescriptor model : models.enums().values()) {
      write(model.adapterName(), AdapterWriter.write(model), model.originatingElement());
    }
    return false;
  }

  /**
   * Writes a generated type once. A type that already exists, such as the builder of a record from a
   * library compiled with this processor, is left alone.
   */
  private boolean write(ClassName name, JavaFile file, Element origin) {
    String qualified = name.canonicalName();
    String owner = ((TypeElement) origin).getQualifiedName().toString();
    String previousOwner = written.putIfAbsent(qualified, owner);
    if (previousOwner != null) {
      if (!previousOwner.equals(owner)) {
        reporter.error(origin, "wxpay generates " + qualified + " for both " + previousOwner + " and "
            + owner + "; rename one of them");
      }
      return false;
    }
    TypeElement existing = processingEnv.getElementUtils().getTypeElement(qualified);
    if (existing != null) {
      if (!isGeneratedFor(existing, origin)) {
        reporter.error(origin, "wxpay generates " + qualified + " for " + owner + ", but a type of that"
            + " name already exists; rename one of them");
      }
      return false;
    }
    try {
      file.toBuilder().addFileComment("Generated by wxpay. Do not edit.").build()
          .writeTo(processingEnv.getFiler());
      return true;
    } catch (IOException e) {
      reporter.error(origin, "could not write " + qualified + ": " + e.getMessage());
      return false;
    }
  }

  /**
   * Whether an existing type is what this processor writes for {@code origin}, compiled earlier (a
   * library built with wxpay): a builder of the record, an adapter, or a client of the interface.
   */
  private boolean isGeneratedFor(TypeElement existing, Element origin) {
    javax.lang.model.util.Types types = processingEnv.getTypeUtils();
    TypeMirror originType = types.erasure(origin.asType());
    List<TypeMirror> supertypes = new ArrayList<>(existing.getInterfaces());
    supertypes.add(existing.getSuperclass());
    for (TypeMirror supertype : supertypes) {
      if (supertype.getKind() != TypeKind.DECLARED) {
        continue;
      }
      DeclaredType declared = (DeclaredType) supertype;
      String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      boolean ours = name.equals(Types.MODEL_BUILDER.canonicalName())
          || name.equals(Types.JSON_ADAPTER.canonicalName());
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

  /**
   * Whether a model whose builder came from a library lacks the Kotlin DSL that this module's DSL would
   * refer to (the library was built without one); written once per model.
   */
  private boolean kotlinDslMissing(ModelDescriptor model) {
    String dsl = Names.sibling(model.type(), "Dsl").canonicalName();
    return kotlinFolder() != null && !kotlinWritten.contains(dsl)
        && processingEnv.getElementUtils().getTypeElement(dsl) == null;
  }

  /** Writes the Kotlin DSL of a model when a Kotlin output folder is configured. */
  private void writeKotlin(ModelDescriptor model) {
    if (kotlinFolder() != null
        && kotlinWritten.add(Names.sibling(model.type(), "Dsl").canonicalName())) {
      writeKotlin(KotlinDslWriter.write(model), model.originatingElement());
    }
  }

  private String kotlinFolder() {
    String folder = processingEnv.getOptions().get(KAPT_KOTLIN_GENERATED);
    return folder != null ? folder : processingEnv.getOptions().get(KOTLIN_DIR);
  }

  private void writeKotlin(KotlinDslWriter.KotlinFile file, Element origin) {
    String folder = kotlinFolder();
    if (folder == null || file == null) {
      return;
    }
    java.nio.file.Path target = java.nio.file.Path.of(folder)
        .resolve(file.packageName().replace('.', '/'))
        .resolve(file.name() + ".kt");
    try {
      java.nio.file.Files.createDirectories(target.getParent());
      java.nio.file.Files.writeString(target, file.text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      reporter.error(origin, "could not write " + target + ": " + e.getMessage());
    }
  }

  private void writeServiceFile() {
    if (factories.isEmpty()) {
      return;
    }
    try {
      FileObject file = processingEnv.getFiler().createResource(
          StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE, factoryOrigins.toArray(new Element[0]));
      try (Writer writer = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        for (String factory : factories) {
          writer.write(factory);
          writer.write('\n');
        }
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "could not write " + SERVICE_FILE + ": " + e.getMessage());
    }
  }
}
