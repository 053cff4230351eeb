package io.quorumlab.checkers.history;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.EdnSyntaxException;
import us.bpsm.edn.parser.CollectionBuilder;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Jepsen's {@code history.edn}: one map per line (or per form), or one vector or list of maps
 * (Knossos's data files are one list). Tagged records ({@code #jepsen.history.Op{...}}) are read as
 * their maps. Ops without {@code :index} get their position; ops without {@code :time} get -1.
 */
final class EdnCodec {
  /**
   * How deep collections may nest. edn-java parses by recursion, so without a bound a deeply
   * nested form overflows the stack; Jepsen's values nest a few levels, and JSON's reader (Jackson)
   * stops at the same depth.
   */
  static final int MAX_DEPTH = 1000;

  private EdnCodec() {}

  static History read(CharSequence text, Path file) {
    LineCountingParseable in = new LineCountingParseable(text);
    Parser parser = Parsers.newParser(config());
    List<Op> ops = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    int open = in.peekSignificant();
    int close = open == '[' ? ']' : open == '(' ? ')' : -1;
    String whole = open == '[' ? "vector" : "list";
    if (close >= 0) in.read();
    while (true) {
      int c = in.peekSignificant();
      if (c == Parseable.END_OF_INPUT) {
        if (close >= 0) throw new HistoryParseException(file, in.line(), "EDN syntax error: the history's opening " + (char) open + " is never closed");
        break;
      }
      if (close >= 0 && c == close) {
        in.read();
        if (in.peekSignificant() != Parseable.END_OF_INPUT) {
          throw new HistoryParseException(file, in.line(), "unexpected content after the history " + whole + "'s closing " + (char) close);
        }
        break;
      }
      long line = in.line();
      Object value;
      try {
        value = EdnValues.fromEdn(parser.nextValue(in));
      } catch (EdnException e) {
        String at = in.line() == line ? "" : " (detected at line " + in.line() + ")";
        throw new HistoryParseException(file, line, "EDN syntax error in the form starting on this line: " + message(e) + at, e);
      } catch (StackOverflowError e) {
        // collections are bounded by MAX_DEPTH; this is a chain of tags or discards as deep
        throw new HistoryParseException(file, line, "EDN form starting on this line is nested too deeply to read");
      }
      if (!(value instanceof Map<?, ?> map)) {
        throw new HistoryParseException(file, line, "expected an EDN map {:type ... :f ...} per operation, found " + OpFields.describe(value));
      }
      ops.add(OpFields.toOp(map, ops.size(), file, line));
      lines.add(line);
    }
    int[] partner = Pairing.pair(ops, i -> lines.get(i), file);
    return new History(ops, partner, lines.stream().mapToLong(Long::longValue).toArray(), file);
  }

  /**
   * The forms of {@code text} (one line of a history), as plain data.
   *
   * @throws HistoryParseException (line 1) on a syntax error, or a form that does not end in the text
   */
  static List<Object> readForms(String text) {
    LineCountingParseable in = new LineCountingParseable(text);
    Parser parser = Parsers.newParser(config());
    List<Object> forms = new ArrayList<>(1);
    try {
      while (in.peekSignificant() != Parseable.END_OF_INPUT) forms.add(EdnValues.fromEdn(parser.nextValue(in)));
    } catch (EdnException e) {
      throw new HistoryParseException(null, 1, "EDN syntax error in the form starting on this line: " + message(e), e);
    } catch (StackOverflowError e) {
      throw new HistoryParseException(null, 1, "EDN form starting on this line is nested too deeply to read");
    }
    return forms;
  }

  /**
   * One EDN value given on its own (a command-line option), as plain data.
   *
   * @throws IllegalArgumentException when the text is not exactly one EDN value
   */
  static Object readValue(String text) {
    LineCountingParseable in = new LineCountingParseable(text);
    Object value;
    try {
      if (in.peekSignificant() == Parseable.END_OF_INPUT) throw new IllegalArgumentException("no value given");
      value = Parsers.newParser(config()).nextValue(in);
    } catch (EdnException e) {
      throw new IllegalArgumentException("not an EDN value: " + message(e), e);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("nested too deeply");
    }
    if (in.peekSignificant() != Parseable.END_OF_INPUT) throw new IllegalArgumentException("more than one EDN value");
    return EdnValues.fromEdn(value);
  }

  /** A plain value in EDN, as {@link #readValue} reads it back. */
  static String printValue(Object value) {
    return EdnPrinter.print(EdnValues.toEdn(value));
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

  /**
   * A parser configuration for one read: maps keep their order, and every collection counts its
   * depth so that a form nested deeper than {@link #MAX_DEPTH} is a syntax error, not a stack
   * overflow. (The count lives in the configuration, so each read gets its own.)
   */
  private static Parser.Config config() {
    Parser.Config defaults = Parsers.defaultConfiguration();
    int[] depth = {0};
    return Parsers.newParserConfigBuilder()
        .setListFactory(bounded(defaults.getListFactory(), depth))
        .setVectorFactory(bounded(defaults.getVectorFactory(), depth))
        .setSetFactory(bounded(defaults.getSetFactory(), depth))
        .setMapFactory(bounded(EdnCodec::orderedMapBuilder, depth))
        .build();
  }

  private static CollectionBuilder.Factory bounded(CollectionBuilder.Factory inner, int[] depth) {
    return () -> {
      if (++depth[0] > MAX_DEPTH) throw new EdnSyntaxException("collections nested more than " + MAX_DEPTH + " deep");
      CollectionBuilder b = inner.builder();
      return new CollectionBuilder() {
        @Override
        public void add(Object o) {
          b.add(o);
        }

        @Override
        public Object build() {
          depth[0]--;
          return b.build();
        }
      };
    };
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
        if (haveKey) throw new EdnSyntaxException("a map literal must contain an even number of forms");
        return map;
      }
    };
  }
}
