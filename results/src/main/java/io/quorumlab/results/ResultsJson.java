package io.quorumlab.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quorumlab.checkers.Verdict;
import java.io.IOException;
import java.util.Locale;

/** The JSON mapper for results files: verdicts in their wire names, integers as Long. */
final class ResultsJson {
  /** Written as {@code "format"}; a reader refuses other major versions. */
  static final String FORMAT = "quorumlab-results/1";

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_LONG_FOR_INTS)
      .addModule(new SimpleModule("quorumlab-verdict")
          .addSerializer(Verdict.class, new JsonSerializer<>() {
            @Override
            public void serialize(Verdict v, JsonGenerator g, SerializerProvider p) throws IOException {
              g.writeString(v.wireName());
            }
          })
          .addDeserializer(Verdict.class, new JsonDeserializer<>() {
            @Override
            public Verdict deserialize(JsonParser p, DeserializationContext c) throws IOException {
              String s = p.getValueAsString();
              try {
                return Verdict.valueOf(s.toUpperCase(Locale.ROOT));
              } catch (IllegalArgumentException | NullPointerException e) {
                throw c.weirdStringException(s, Verdict.class, "expected valid, invalid or unknown");
              }
            }
          }))
      .build();

  private ResultsJson() {}
}
