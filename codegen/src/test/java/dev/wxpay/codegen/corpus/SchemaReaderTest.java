package dev.wxpay.codegen.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wxpay.codegen.corpus.Schema.ArraySchema;
import dev.wxpay.codegen.corpus.Schema.ObjectSchema;
import dev.wxpay.codegen.corpus.Schema.Property;
import dev.wxpay.codegen.corpus.Schema.Scalar;
import dev.wxpay.codegen.corpus.Schema.ScalarSchema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Schemas of the small corpus: refs, allOf merges, enum extension, sensitive fields and each defect. */
class SchemaReaderTest {
  private static final String FILE = "v3/pay/orders/{id}.yaml";
  private Corpus corpus;
  private SchemaReader reader;

  @BeforeEach
  void load() throws IOException, URISyntaxException {
    corpus = Corpus.load(Path.of(SchemaReaderTest.class.getResource("/mini/swagger.yaml").toURI()).getParent());
    reader = new SchemaReader(corpus);
  }

  private Schema read(String name) {
    return reader.read(Map.of("$ref", "../../../definitions/Shapes.yaml#" + name), FILE, name);
  }

  private List<String> problems() {
    return reader.problems().stream().map(Problem::message).toList();
  }

  @Test
  void allOfMergesPropertiesAndRequiredNamesAcrossParts() {
    ObjectSchema order = assertInstanceOf(ObjectSchema.class, read("Order"));
    assertEquals(List.of("mchid", "amount", "state"), List.copyOf(order.properties().keySet()));
    assertTrue(order.properties().get("mchid").required(), "required in Base and again in the second part");
    assertTrue(order.properties().get("amount").required());
    assertEquals("definitions/Shapes.yaml#Order", order.origin());
    assertEquals(List.of(), problems());
  }

  @Test
  void anEnumFollowedByEnumValuesIsExtended() {
    ObjectSchema order = (ObjectSchema) read("Order");
    ScalarSchema state = assertInstanceOf(ScalarSchema.class, order.properties().get("state").schema());
    assertEquals(List.of("SUCCESS", "CLOSED", "REFUND"), state.enumValues());
  }

  @Test
  void aNamedDefinitionIsReadOnceAndShared() {
    assertSame(read("Base"), read("Base"));
  }

  @Test
  void sensitiveFieldsAndJsonInAString() {
    ObjectSchema account = (ObjectSchema) read("Account");
    Property number = account.properties().get("number");
    assertTrue(number.sensitive());
    assertEquals("base64", ((ScalarSchema) number.schema()).format());
    ScalarSchema period = (ScalarSchema) account.properties().get("period").schema();
    assertEquals(Scalar.STRING, period.type());
    ArraySchema embedded = assertInstanceOf(ArraySchema.class, period.embedded());
    assertEquals(Scalar.STRING, ((ScalarSchema) embedded.items()).type());
    assertNull(((ScalarSchema) account.properties().get("number").schema()).embedded());
  }

  @Test
  void misIndentedPropertiesAreListedNotGuessed() {
    ObjectSchema broken = (ObjectSchema) read("Broken");
    assertEquals(Map.of(), broken.properties());
    assertEquals(List.of("unknown schema key 'mchid'", "'properties:' is empty; the fields, if any, are mis-indented",
        "required 'ghost' is no property"), problems());
  }

  @Test
  void typosAndOddsAreListed() {
    ObjectSchema odd = (ObjectSchema) read("Odd");
    assertEquals(Scalar.STRING, ((ScalarSchema) odd.properties().get("kind").schema()).type());
    assertInstanceOf(ArraySchema.class, odd.properties().get("tags").schema());
    assertEquals(List.of("A"), ((ScalarSchema) odd.properties().get("twice").schema()).enumValues());
    assertEquals(List.of("unknown type 'stringde'; read as string", "an array without items; read as an array of"
        + " anything", "enum value A is listed twice", "unknown schema key 'color'"), problems());
  }
}
