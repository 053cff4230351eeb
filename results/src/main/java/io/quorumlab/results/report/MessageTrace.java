package io.quorumlab.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated run's {@code messages.jsonl} as the report reads it: the nodes, each client's node,
 * and every message with its times and fate (the harness's MessageFile says what each field means).
 */
final class MessageTrace {
  static final String FORMAT = "quorumlab-messages/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One message; times are virtual nanoseconds, -1 when absent. */
  record Message(long id, String type, String from, String to, long sent, long due, String fate, long at, String why,
      long slowed, long cause, long answers, long duplicateOf, boolean unanswered, String key, String text) {

    boolean gossip() {
      return type.equals("gossip");
    }

    boolean dropped() {
      return fate.equals("dropped");
    }

    boolean inFlight() {
      return fate.equals("in-flight");
    }

    /** Held back beyond the network's latency: by a slow link, or waiting for a paused receiver. */
    boolean delayed() {
      return slowed > 0 || heldNanos() > 0;
    }

    /** How long it waited at a paused receiver (delivered after it was due). */
    long heldNanos() {
      return fate.equals("delivered") && due >= 0 && at > due ? at - due : 0;
    }
  }

  final List<String> nodes;
  final Map<String, String> clients;
  final List<Message> messages;

  private MessageTrace(List<String> nodes, Map<String, String> clients, List<Message> messages) {
    this.nodes = nodes;
    this.clients = clients;
    this.messages = messages;
  }

  /** Reads {@code file}; throws {@link IOException} with the line that is wrong. */
  static MessageTrace read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      JsonNode header = first == null ? null : JSON.readTree(first);
      if (header == null || !FORMAT.equals(header.path("format").asText())) {
        throw new IOException(file.getFileName() + " line 1: not a " + FORMAT + " header");
      }
      List<String> nodes = new ArrayList<>();
      header.path("nodes").forEach(n -> nodes.add(n.asText()));
      Map<String, String> clients = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = header.path("clients").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        clients.put(e.getKey(), e.getValue().asText());
      }
      List<Message> messages = new ArrayList<>();
      int lineNo = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) continue;
        JsonNode m = JSON.readTree(line);
        if (!m.hasNonNull("id") || !m.hasNonNull("type") || !m.hasNonNull("from") || !m.hasNonNull("to") || !m.hasNonNull("sent")
            || !m.hasNonNull("fate")) {
          throw new IOException(file.getFileName() + " line " + lineNo + ": a message needs id, type, from, to, sent and fate");
        }
        messages.add(new Message(m.get("id").asLong(), m.get("type").asText(), m.get("from").asText(), m.get("to").asText(),
            m.get("sent").asLong(), m.path("due").asLong(-1), m.get("fate").asText(), m.path("at").asLong(-1),
            m.hasNonNull("why") ? m.get("why").asText() : null, m.path("slowed").asLong(0), m.path("cause").asLong(-1),
            m.path("answers").asLong(-1), m.path("duplicate-of").asLong(-1), m.path("unanswered").asBoolean(false),
            m.hasNonNull("key") ? m.get("key").asText() : null, m.path("text").asText("")));
      }
      return new MessageTrace(List.copyOf(nodes), clients, List.copyOf(messages));
    }
  }
}
