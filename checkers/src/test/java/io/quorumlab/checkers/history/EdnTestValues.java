package io.quorumlab.checkers.history;

import java.util.ArrayList;
import java.util.List;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/** Raw edn-java values of a text, for comparing EDN at the EDN level. */
final class EdnTestValues {
  private EdnTestValues() {}

  static List<Object> all(String text) {
    Parseable in = Parsers.newParseable(text);
    Parser p = Parsers.newParser(Parsers.defaultConfiguration());
    List<Object> out = new ArrayList<>();
    for (Object v = p.nextValue(in); v != Parser.END_OF_INPUT; v = p.nextValue(in)) out.add(v);
    return out;
  }
}
