package io.quorumlab.store.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON of admin answers. Unknown fields are ignored on reading, so older clients read newer nodes. */
public final class AdminJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private AdminJson() {}

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public static NodeStatus status(String json) {
    try {
      return MAPPER.readValue(json, NodeStatus.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a node status: " + e.getOriginalMessage());
    }
  }

  public static ClockCommand.ClockState clockState(String json) {
    try {
      return MAPPER.readValue(json, ClockCommand.ClockState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a clock state: " + e.getOriginalMessage());
    }
  }
}
