package io.quorumlab.checkers.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DESIGN.md's {@code history.jsonl}: one JSON object per line; a JSON array of objects is read too. */
final class JsonlCodec {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonlCodec() {}

  static History read(Reader reader, Path file) throws IOException {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    in.mark(1 << 16);
    int c;
    do {
      c = in.read();
    } while (c >= 0 && Character.isWhitespace(c));
    in.reset();
    return c == '[' ? readArray(in, file) : readLines(in, file);
  }

  private static History readLines(BufferedReader in, Path file) throws IOException {
    List<Op> ops = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    long lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.isBlank()) continue;
      JsonNode node;
      try {
        node = MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        throw new HistoryParseException(file, lineNo, "JSON syntax error: " + e.getOriginalMessage(), e);
      }
      ops.add(toOp(node, ops.size(), file, lineNo));
      lines.add(lineNo);
    }
    return new History(ops, Pairing.pair(ops, i -> lines.get(i), file));
  }

  private static History readArray(Reader in, Path file) throws IOException {
    List<Op> ops = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (JsonParser p = MAPPER.createParser(in)) {
      try {
        p.nextToken();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken() == null) throw new HistoryParseException(file, p.currentLocation().getLineNr(), "JSON syntax error: the history's opening [ is never closed");
          long line = p.currentTokenLocation().getLineNr();
          JsonNode node = MAPPER.readTree(p);
          ops.add(toOp(node, ops.size(), file, line));
          lines.add(line);
        }
        if (p.nextToken() != null) throw new HistoryParseException(file, p.currentTokenLocation().getLineNr(), "unexpected content after the history array's closing ]");
      } catch (JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        throw new HistoryParseException(file, line, "JSON syntax error: " + e.getOriginalMessage(), e);
      }
    }
    return new History(ops, Pairing.pair(ops, i -> lines.get(i), file));
  }

  private static Op toOp(JsonNode node, int position, Path file, long line) {
    if (!node.isObject()) throw new HistoryParseException(file, line, "expected a JSON object per operation, found " + node.getNodeType().name().toLowerCase());
    return OpFields.toOp((Map<?, ?>) fromJson(node), position, file, line);
  }

  static Object fromJson(JsonNode n) {
    switch (n.getNodeType()) {
      case NULL, MISSING:
        return null;
      case BOOLEAN:
        return n.booleanValue();
      case STRING:
        return n.textValue();
      case NUMBER:
        if (n.isIntegralNumber()) return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        return n.isBigDecimal() ? n.decimalValue() : (Object) n.doubleValue();
      case ARRAY: {
        List<Object> out = new ArrayList<>(n.size());
        for (JsonNode e : n) out.add(fromJson(e));
        return out;
      }
      case OBJECT: {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          out.put(e.getKey(), fromJson(e.getValue()));
        }
        return out;
      }
      default:
        return n.toString();
    }
  }

  static void write(History history, Writer out) throws IOException {
    for (Op op : history.ops()) {
      out.write(encode(op));
      out.write('\n');
    }
  }

  static String encode(Op op) {
    try {
      return MAPPER.writeValueAsString(OpFields.toRecord(op));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("op " + op.index() + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
