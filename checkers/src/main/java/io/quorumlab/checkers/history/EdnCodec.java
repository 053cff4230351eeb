package io.quorumlab.checkers.history;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.CollectionBuilder;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Jepsen's {@code history.edn}: either one map per line (or per form) or one vector of maps.
 * Ops without {@code :index} get their position; ops without {@code :time} get -1.
 */
final class EdnCodec {
  private static final Parser.Config CONFIG = Parsers.newParserConfigBuilder()
      .setMapFactory(EdnCodec::orderedMapBuilder)
      .build();

  private EdnCodec() {}

  static History read(CharSequence text, Path file) {
    LineCountingParseable in = new LineCountingParseable(text);
    Parser parser = Parsers.newParser(CONFIG);
    List<Op> ops = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    boolean vector = in.peekSignificant() == '[';
    if (vector) in.read();
    while (true) {
      int c = in.peekSignificant();
      if (c == Parseable.END_OF_INPUT) {
        if (vector) throw new HistoryParseException(file, in.line(), "EDN syntax error: the history's opening [ is never closed");
        break;
      }
      if (vector && c == ']') {
        in.read();
        if (in.peekSignificant() != Parseable.END_OF_INPUT) {
          throw new HistoryParseException(file, in.line(), "unexpected content after the history vector's closing ]");
        }
        break;
      }
      long line = in.line();
      Object value;
      try {
        value = parser.nextValue(in);
      } catch (EdnException e) {
        String at = in.line() == line ? "" : " (detected at line " + in.line() + ")";
        throw new HistoryParseException(file, line, "EDN syntax error in the form starting on this line: " + message(e) + at, e);
      }
      if (!(value instanceof Map<?, ?> map)) {
        throw new HistoryParseException(file, line, "expected an EDN map {:type ... :f ...} per operation, found " + OpFields.describe(EdnValues.fromEdn(value)));
      }
      ops.add(OpFields.toOp((Map<?, ?>) EdnValues.fromEdn(map), ops.size(), file, line));
      lines.add(line);
    }
    int[] partner = Pairing.pair(ops, i -> lines.get(i), file);
    return new History(ops, partner, lines.stream().mapToLong(Long::longValue).toArray(), file);
  }

  static void write(History history, Writer out) throws IOException {
    for (Op op : history.ops()) {
      out.write(encode(op));
      out.write('\n');
    }
  }

  /** One op as one EDN map, keywords where Jepsen has them. */
  static String encode(Op op) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : OpFields.toRecord(op).entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      Object edn = switch (k) {
        case OpFields.TYPE, OpFields.F -> EdnValues.keyword((String) v);
        case OpFields.PROCESS -> v instanceof String s ? EdnValues.keyword(s) : v;
        case OpFields.ERROR -> EdnValues.errorToEdn(v);
        case OpFields.VALUE -> "txn".equals(op.f()) ? EdnValues.txnToEdn(v) : EdnValues.toEdn(v);
        default -> EdnValues.toEdn(v);
      };
      m.put(EdnValues.keyword(k), edn);
    }
    return EdnPrinter.print(m);
  }

  private static String message(EdnException e) {
    String m = e.getMessage();
    if ((m == null || m.isBlank()) && e.getCause() != null) m = e.getCause().getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static CollectionBuilder orderedMapBuilder() {
    return new CollectionBuilder() {
      final Map<Object, Object> map = new LinkedHashMap<>();
      Object key;
      boolean haveKey;

      @Override
      public void add(Object o) {
        if (haveKey) {
          map.put(key, o);
          haveKey = false;
        } else {
          key = o;
          haveKey = true;
        }
      }

      @Override
      public Object build() {
        if (haveKey) throw new us.bpsm.edn.EdnSyntaxException("a map literal must contain an even number of forms");
        return map;
      }
    };
  }
}
