package io.quorumlab.store.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.WireNamed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NodeConfig as JSON. Only {@code nodeId}, {@code port} and {@code members} are required; every
 * other field falls back to {@link NodeConfig#defaults} ({@code dataDir}: "data/NODEID"). Enum
 * values are written in lower case and read in any case. Unknown fields are an error, so a typo
 * does not silently fall back to a default.
 */
public final class NodeConfigJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new SimpleModule().addSerializer(WireNamed.class, new StdSerializer<>(WireNamed.class) {
        @Override
        public void serialize(WireNamed value, JsonGenerator gen, SerializerProvider provider) throws IOException {
          gen.writeString(value.wireName());
        }
      }))
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private NodeConfigJson() {}

  public static String toJson(NodeConfig config) {
    try {
      return MAPPER.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a config; a bad one throws {@link IllegalArgumentException} with a one-line reason. */
  public static NodeConfig parse(String json) {
    JsonNode given;
    try {
      given = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    if (given == null || !given.isObject()) {
      throw new IllegalArgumentException("a node config must be a JSON object");
    }
    for (String required : List.of("nodeId", "port", "members")) {
      if (!given.hasNonNull(required)) {
        throw new IllegalArgumentException("missing required field '" + required + "'");
      }
    }
    String nodeId = given.get("nodeId").asText();
    Map<String, String> members = new LinkedHashMap<>();
    given.get("members").fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue().asText()));
    ObjectNode merged = MAPPER.valueToTree(NodeConfig.defaults(nodeId, 0, "data/" + nodeId, members));
    Iterator<Map.Entry<String, JsonNode>> it = given.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!merged.has(e.getKey())) {
        throw new IllegalArgumentException("unknown field '" + e.getKey() + "'");
      }
      merged.set(e.getKey(), e.getValue());
    }
    try {
      return MAPPER.treeToValue(merged, NodeConfig.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad field: " + e.getOriginalMessage());
    }
  }

  public static NodeConfig read(Path file) throws IOException {
    try {
      return parse(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  public static void write(NodeConfig config, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(config));
  }
}
