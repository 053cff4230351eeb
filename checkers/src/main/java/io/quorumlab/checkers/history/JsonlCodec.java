package io.quorumlab.checkers.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/architecture.md's {@code history.jsonl}: one JSON object per line; a JSON array of objects is read
 * too. One streaming parser reads the whole text, so line numbers come from its token locations.
 */
final class JsonlCodec {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonlCodec() {}

  static History read(String text, Path file) throws IOException {
    List<Op> ops = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (JsonParser p = MAPPER.createParser(text)) {
      try {
        JsonToken t = p.nextToken();
        boolean array = t == JsonToken.START_ARRAY;
        if (array) t = p.nextToken();
        while (t != null && !(array && t == JsonToken.END_ARRAY)) {
          long line = p.currentTokenLocation().getLineNr();
          if (t != JsonToken.START_OBJECT) {
            throw new HistoryParseException(file, line, "expected a JSON object per operation, found " + describe(t));
          }
          ops.add(OpFields.toOp((Map<?, ?>) value(p), ops.size(), file, line));
          lines.add(line);
          t = p.nextToken();
        }
        if (array) {
          if (t == null) throw new HistoryParseException(file, p.currentLocation().getLineNr(), "JSON syntax error: the history's opening [ is never closed");
          if (p.nextToken() != null) throw new HistoryParseException(file, p.currentTokenLocation().getLineNr(), "unexpected content after the history array's closing ]");
        }
      } catch (JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        throw new HistoryParseException(file, line, "JSON syntax error: " + e.getOriginalMessage(), e);
      }
    }
    return new History(ops, Pairing.pair(ops, i -> lines.get(i), file), lines.stream().mapToLong(Long::longValue).toArray(), file);
  }

  /** The value at the parser's current token as plain data: integers as Long, objects in order. */
  static Object value(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) l.add(value(p));
        return l;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonParseError(p, "unexpected " + p.currentToken());
    }
  }

  private static final class JsonParseError extends JsonProcessingException {
    JsonParseError(JsonParser p, String message) {
      super(message, p.currentTokenLocation());
    }
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      default -> t.asString() == null ? t.name().toLowerCase() : t.asString();
    };
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
