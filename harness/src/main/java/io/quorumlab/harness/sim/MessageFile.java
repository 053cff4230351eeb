package io.quorumlab.harness.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.sim.MessageLog;
import io.quorumlab.sim.MessageRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a simulation's {@link MessageLog} as {@code messages.jsonl}: a header line (the format, the
 * nodes, each client's node, the request limit), then one line per message in the order they were
 * sent. Fields: {@code id}, {@code type}, {@code from}, {@code to}, {@code sent}, {@code due} (absent
 * when dropped as sent), {@code fate} (delivered, dropped, in-flight), {@code at} (delivery or drop
 * time), {@code why} (of a drop), {@code slowed} (delay a slow link added), {@code duplicate-of},
 * {@code cause} (the message whose handling sent it), {@code answers} (the request a client reply
 * answers), {@code unanswered} (a reply its client had
 * given up on), {@code key}, {@code text}. Times are virtual nanoseconds, the history's timebase.
 * Every value is a function of the seed, so two runs of one spec write the same bytes.
 */
final class MessageFile {
  static final String FORMAT = "quorumlab-messages/1";
  private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private MessageFile() {}

  /** Writes {@code log} to {@code file}; false (and nothing written) when the run outgrew the log. */
  static boolean write(Path file, List<String> nodes, MessageLog log) throws IOException {
    if (!log.complete()) return false;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("format", FORMAT);
      header.put("nodes", nodes);
      header.put("clients", log.clients());
      header.put("max-client-requests", log.maxClientRequests());
      line(out, header);
      for (MessageRecord m : log.messages()) line(out, fields(m));
    }
    return true;
  }

  private static Map<String, Object> fields(MessageRecord m) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", m.id());
    f.put("type", m.type().wireName());
    f.put("from", m.from());
    f.put("to", m.to());
    f.put("sent", m.sentNanos());
    if (m.dueNanos() >= 0) f.put("due", m.dueNanos());
    f.put("fate", m.fate().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (m.endNanos() >= 0) f.put("at", m.endNanos());
    if (m.why() != null) f.put("why", m.why());
    if (m.slowedNanos() > 0) f.put("slowed", m.slowedNanos());
    if (m.duplicateOf() >= 0) f.put("duplicate-of", m.duplicateOf());
    if (m.cause() >= 0) f.put("cause", m.cause());
    if (m.answers() >= 0) f.put("answers", m.answers());
    if (m.unanswered()) f.put("unanswered", true);
    if (m.key() != null) f.put("key", m.key());
    f.put("text", m.description());
    return f;
  }

  private static void line(BufferedWriter out, Map<String, Object> fields) throws IOException {
    out.write(JSON.writeValueAsString(fields));
    out.write('\n');
  }
}
