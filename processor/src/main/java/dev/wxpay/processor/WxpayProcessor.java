package dev.wxpay.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.JavaFile;
import dev.wxpay.annotations.Endpoint;
import dev.wxpay.annotations.Model;
import dev.wxpay.annotations.rules.GeneratedNames;
import dev.wxpay.processor.model.Models;
import dev.wxpay.processor.model.QualifiedName;
import dev.wxpay.processor.validation.EndpointValidator;
import dev.wxpay.processor.validation.GeneratedTypes;
import dev.wxpay.processor.validation.GeneratedTypes.Decision;
import dev.wxpay.processor.validation.ModelValidator;
import dev.wxpay.processor.validation.ModelValidator.Parsed;
import dev.wxpay.processor.validation.Reporter;
import dev.wxpay.processor.validation.Sources;
import dev.wxpay.processor.writing.AdapterWriter;
import dev.wxpay.processor.writing.BuilderWriter;
import dev.wxpay.processor.writing.ClientWriter;
import dev.wxpay.processor.writing.kotlin.KotlinAwaitWriter;
import dev.wxpay.processor.writing.kotlin.KotlinDslWriter;
import dev.wxpay.processor.writing.kotlin.KotlinFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The entry point: it only dispatches. Each round, validation turns {@code @Endpoint} interfaces and
 * {@code @Model} records into the plain model; the writers turn the model into a client per interface,
 * a builder (and Kotlin DSL) per record a caller builds, and an adapter per record that JSON carries and
 * per enum. Each file is claimed before it is built, so it is built and written once per compilation.
 *
 * <p>For Gradle it is "aggregating", not "isolating": whether a record gets an adapter or a builder depends
 * on how all endpoints use it, and a name clash compares two declarations.
 */
@AutoService(Processor.class)
public final class WxpayProcessor extends AbstractProcessor {
  /** Kotlin is written when kapt runs the processor (it sets this option), or when a javac build asks. */
  static final String KAPT_KOTLIN_GENERATED = "kapt.kotlin.generated";
  private static final String GRADLE_AGGREGATING = "org.gradle.annotation.processing.aggregating";
  static final String KOTLIN = "wxpay.kotlin";

  private Reporter reporter;
  private ModelValidator models;
  private EndpointValidator endpoints;
  private GeneratedTypes generated;
  /** Interfaces waiting for a builder this round writes, by qualified name. */
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> kotlinWritten = new HashSet<>();
  /** The endpoint interfaces of this compilation, by binary name, for {@link GeneratedNames#ENDPOINT_INDEX}. */
  private final Map<String, TypeElement> endpointIndex = new TreeMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Endpoint.class.getCanonicalName(), Model.class.getCanonicalName());
  }

  @Override
  public Set<String> getSupportedOptions() {
    // Declared "dynamic" for Gradle: incremental (aggregating) unless kapt runs it, since the Kotlin written
    // into kapt's folder bypasses the Filer, and an incremental build would not delete what goes stale.
    if (processingEnv != null && !processingEnv.getOptions().containsKey(KAPT_KOTLIN_GENERATED)) {
      return Set.of(KAPT_KOTLIN_GENERATED, KOTLIN, GRADLE_AGGREGATING);
    }
    return Set.of(KAPT_KOTLIN_GENERATED, KOTLIN);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (reporter == null) {
      reporter = new Reporter(processingEnv.getMessager());
      models = new ModelValidator(new Sources(processingEnv), reporter);
      endpoints = new EndpointValidator(processingEnv, reporter, models);
      generated = new GeneratedTypes(processingEnv, reporter);
    }
    if (round.processingOver()) {
      // Builders that never appeared: now the unresolved types are errors.
      for (String name : deferred) {
        endpoints.validate(processingEnv.getElementUtils().getTypeElement(name), true);
      }
      deferred.clear();
      writeEndpointIndex();
      return false;
    }

    Set<Element> todo = new LinkedHashSet<>(round.getElementsAnnotatedWith(Endpoint.class));
    for (String name : deferred) {
      todo.add(processingEnv.getElementUtils().getTypeElement(name));
    }
    deferred.clear();
    for (Element element : todo) {
      EndpointValidator.Result result = endpoints.validate(element, false);
      if (result instanceof EndpointValidator.Parsed parsed) {
        writeClient(parsed.endpoint(), parsed.origin());
        endpointIndex.put(processingEnv.getElementUtils().getBinaryName(parsed.origin()).toString(), parsed.origin());
      } else if (result instanceof EndpointValidator.Deferred) {
        deferred.add(((TypeElement) element).getQualifiedName().toString());
      }
    }
    for (Element element : round.getElementsAnnotatedWith(Model.class)) {
      models.validateModel(element);
    }
    models.markWantedBuilders();
    for (Parsed<Models.Record> record : models.records()) {
      writeRecord(record.model(), record.origin());
    }
    for (Parsed<Models.Enum> model : models.enums()) {
      if (generated.claim(model.model().adapterName(), model.origin()) == Decision.WRITE) {
        write(AdapterWriter.write(model.model()), model.origin());
      }
    }
    return false;
  }

  /**
   * Lists this compilation's endpoints, including those whose client an earlier build already holds, and
   * keeps those of the list already in the output that still are endpoints: a build that compiles only some
   * files (an IDE's) must not drop the others.
   */
  private void writeEndpointIndex() {
    if (endpointIndex.isEmpty()) {
      return;
    }
    Set<String> names = new TreeSet<>(endpointIndex.keySet());
    names.addAll(stillEndpoints(previousIndex()));
    try {
      FileObject index = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
          GeneratedNames.ENDPOINT_INDEX, endpointIndex.values().toArray(new Element[0]));
      try (Writer out = index.openWriter()) {
        for (String name : names) {
          out.write(name);
          out.write('\n');
        }
      }
    } catch (IOException e) {
      reporter.error(endpointIndex.values().iterator().next(), "could not write " + GeneratedNames.ENDPOINT_INDEX
          + ": " + e.getMessage());
    }
    endpointIndex.clear();
  }

  /** The names in the list an earlier build left in the output, if any. */
  private List<String> previousIndex() {
    try {
      FileObject previous = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "",
          GeneratedNames.ENDPOINT_INDEX);
      return previous.getCharContent(true).toString().lines().map(String::strip).filter(line -> !line.isEmpty())
          .toList();
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException none) {
      return List.of();
    }
  }

  private List<String> stillEndpoints(List<String> names) {
    List<String> endpoints = new ArrayList<>();
    for (String name : names) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name.replace('$', '.'));
      if (type != null && type.getAnnotation(Endpoint.class) != null
          && processingEnv.getElementUtils().getBinaryName(type).contentEquals(name)) {
        endpoints.add(name);
      }
    }
    return endpoints;
  }

  private void writeClient(Models.Endpoint endpoint, TypeElement origin) {
    if (generated.claim(endpoint.clientName(), origin) != Decision.WRITE) {
      return;
    }
    write(ClientWriter.write(endpoint, type -> models.record(type.named()), type -> models.enumType(type.named())),
        origin);
    // Only where kotlinx-coroutines is there to compile them against.
    if (processingEnv.getElementUtils().getTypeElement(EndpointValidator.FUTURE_KT) != null) {
      writeKotlin(KotlinAwaitWriter.write(endpoint), origin);
    }
  }

  private void writeRecord(Models.Record record, TypeElement origin) {
    // Only what a caller builds has a builder: an answer is read, never built (a test that builds one
    // marks it @Model). A record seen as an answer first gets its builder in the round that sees it built.
    if (models.isBuilt(record.type())) {
      writeBuilder(record, origin);
    }
    if (models.isJson(record.type()) && generated.claim(record.adapterName(), origin) == Decision.WRITE) {
      write(AdapterWriter.write(record), origin);
    }
  }

  private void writeBuilder(Models.Record record, TypeElement origin) {
    Decision builder = generated.claim(record.builderName(), origin);
    if (builder == Decision.WRITE) {
      write(BuilderWriter.write(record), origin);
    }
    QualifiedName dsl = record.type().generated(GeneratedNames.KOTLIN_DSL);
    // With the builder goes its DSL, even where an earlier build's DSL class is still on the class path;
    // a library built without a Kotlin DSL gets one here, so this module's DSL can refer to it.
    boolean wantsDsl = builder == Decision.WRITE || (builder == Decision.SKIP && !generated.exists(dsl));
    if (wantsDsl && writesKotlin() && kotlinWritten.add(dsl.canonicalName())) {
      writeKotlin(KotlinDslWriter.write(record), origin);
    }
  }

  private void write(JavaFile file, TypeElement origin) {
    try {
      // The originating element lets incremental builds delete the file when its declaration goes.
      JavaFile.builder(file.packageName, file.typeSpec.toBuilder().addOriginatingElement(origin).build())
          .addFileComment("Generated by wxpay. Do not edit.")
          .skipJavaLangImports(true)
          .indent("  ")
          .build()
          .writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      reporter.error(origin, "could not write " + file.packageName + "." + file.typeSpec.name + ": "
          + e.getMessage());
    }
  }

  /** Under kapt (its option is set), or when a javac build asks with {@code -Awxpay.kotlin=true}. */
  private boolean writesKotlin() {
    return processingEnv.getOptions().containsKey(KAPT_KOTLIN_GENERATED)
        || Boolean.parseBoolean(processingEnv.getOptions().get(KOTLIN));
  }

  /**
   * Writes Kotlin source. Under kapt it goes to the folder kapt names for generated Kotlin, the one its
   * Kotlin compile reads in Maven and Gradle alike. Under javac it goes through the Filer beside the Java,
   * for kotlinc to compile afterwards; incremental builds clean it up by its one originating element.
   */
  private void writeKotlin(KotlinFile file, TypeElement origin) {
    if (file == null || !writesKotlin()) {
      return;
    }
    try {
      String kaptFolder = processingEnv.getOptions().get(KAPT_KOTLIN_GENERATED);
      if (kaptFolder != null) {
        Path target = Path.of(kaptFolder, file.packageName().replace('.', '/'), file.name() + ".kt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.text());
        return;
      }
      FileObject target = processingEnv.getFiler()
          .createResource(StandardLocation.SOURCE_OUTPUT, file.packageName(), file.name() + ".kt", origin);
      try (Writer writer = target.openWriter()) {
        writer.write(file.text());
      }
    } catch (IOException e) {
      reporter.error(origin, "could not write " + file.name() + ".kt: " + e.getMessage());
    }
  }
}
