package io.quorumlab.checkers.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;
import us.bpsm.edn.TaggedValue;

/**
 * Converts between edn-java's values and the model's plain values (docs/architecture.md): keywords become
 * strings without the colon, vectors and lists become {@link List}, maps keep their order, and a
 * tagged value is the value under its tag.
 * Writing turns strings back into keywords where Jepsen uses keywords: the caller says where.
 */
final class EdnValues {
  private static final Pattern KEYWORD_LIKE = Pattern.compile("[A-Za-z*+!_?<>=][A-Za-z0-9*+!_?<>=./-]*");

  private EdnValues() {}

  static Object fromEdn(Object v) {
    if (v == null || v instanceof String || v instanceof Long) return v;
    if (v instanceof Keyword k) return k.getPrefix() == null || k.getPrefix().isEmpty() ? k.getName() : k.getPrefix() + "/" + k.getName();
    if (v instanceof Integer i) return i.longValue();
    if (v instanceof Symbol s) return s.toString();
    // Records Jepsen prints as #jepsen.history.Op{...} (or #knossos.op.Op{...}) are their maps;
    // any other tag (#object[...], #error {...}) is its value as well.
    if (v instanceof TaggedValue t) return fromEdn(t.getValue());
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) out.add(fromEdn(o));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) out.put(fromEdn(e.getKey()), fromEdn(e.getValue()));
      return out;
    }
    if (v instanceof Set<?> s) {
      Set<Object> out = new LinkedHashSet<>();
      for (Object o : s) out.add(fromEdn(o));
      return out;
    }
    if (v instanceof Character c) return String.valueOf(c);
    return v;
  }

  /** A plain value as edn-java data; map keys that look like keywords are written as keywords. */
  static Object toEdn(Object v) {
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) out.add(toEdn(o));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object k = e.getKey();
        out.put(k instanceof String s && isKeywordLike(s) ? keyword(s) : toEdn(k), toEdn(e.getValue()));
      }
      return out;
    }
    if (v instanceof Set<?> s) {
      Set<Object> out = new LinkedHashSet<>();
      for (Object o : s) out.add(toEdn(o));
      return out;
    }
    return v;
  }

  /**
   * A transaction's value ([["append" "x" 1] ["r" "y" nil]]) with each micro-op's function as a
   * keyword, as Elle writes it.
   */
  static Object txnToEdn(Object v) {
    if (!(v instanceof List<?> l)) return toEdn(v);
    List<Object> out = new ArrayList<>(l.size());
    for (Object mop : l) {
      if (mop instanceof List<?> ml && !ml.isEmpty() && ml.get(0) instanceof String f && isKeywordLike(f)) {
        List<Object> m = new ArrayList<>(ml.size());
        m.add(keyword(f));
        for (int i = 1; i < ml.size(); i++) m.add(toEdn(ml.get(i)));
        out.add(m);
      } else {
        out.add(toEdn(mop));
      }
    }
    return out;
  }

  /**
   * An error as Jepsen writes it: a keyword ({@code :timed-out}) or a vector headed by one
   * ({@code [:no-client "Connection refused"]}).
   */
  static Object errorToEdn(Object v) {
    if (v instanceof String s) return isKeywordLike(s) ? keyword(s) : s;
    if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String head && isKeywordLike(head)) {
      List<Object> out = new ArrayList<>(l.size());
      out.add(keyword(head));
      for (int i = 1; i < l.size(); i++) out.add(toEdn(l.get(i)));
      return out;
    }
    return toEdn(v);
  }

  static boolean isKeywordLike(String s) {
    return KEYWORD_LIKE.matcher(s).matches();
  }

  static Keyword keyword(String s) {
    int slash = s.indexOf('/');
    return slash > 0 && slash < s.length() - 1
        ? Keyword.newKeyword(s.substring(0, slash), s.substring(slash + 1))
        : Keyword.newKeyword(s);
  }
}
