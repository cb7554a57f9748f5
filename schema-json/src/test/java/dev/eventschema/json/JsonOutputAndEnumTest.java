package dev.eventschema.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class JsonOutputAndEnumTest {

  enum Quantization { INT4, FP16 }

  private static final JsonFactory FACTORY = new JsonFactory();

  @Test
  void writeValueWritesEveryJsonValue() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("s", "x\"y");
    value.put("n", 1);
    value.put("d", 2.5);
    value.put("b", false);
    value.put("null", null);
    value.put("list", Arrays.asList(1, null, Map.of("k", "v")));
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      JsonOutput.writeValue(value, generator);
    }
    assertThat(out).hasToString("{\"s\":\"x\\\"y\",\"n\":1,\"d\":2.5,\"b\":false,\"null\":null,\"list\":[1,null,{\"k\":\"v\"}]}");
  }

  @Test
  void anEnumIsMatchedByItsLowerCaseNameOnlyAndWrittenSo() throws Exception {
    JsonEnum<Quantization> type = JsonEnum.of(Quantization.values());
    assertThat(fast(type, "\"fp16\"")).isEqualTo(Quantization.FP16);
    assertThat(fast(type, "\"FP16\"")).isNull();
    assertThat(fast(type, "\"int\"")).isNull();
    assertThat(fast(type, "4")).isNull();

    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      type.write(Quantization.INT4, generator);
    }
    assertThat(out).hasToString("\"int4\"");
  }

  private static <E extends Enum<E>> E fast(JsonEnum<E> type, String json) throws Exception {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.nextToken();
      return type.fast(parser);
    }
  }
}
