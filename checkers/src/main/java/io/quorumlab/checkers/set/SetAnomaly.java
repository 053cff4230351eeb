package io.quorumlab.checkers.set;

import io.quorumlab.checkers.history.Op;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One element of one key that the set checker flags, with the ops that show it.
 *
 * @param add the add's invocation (null for an unexpected element)
 * @param addCompletion the add's completion (null when none)
 * @param first the read that shows the problem first: the final read for a lost add, the read that
 *     contains the element otherwise
 * @param second for a reappeared add, the read it was absent from
 * @param third for a reappeared add, the read in which it came back
 */
record SetAnomaly(Kind kind, Object key, long element, Op add, Op addCompletion, Op first, Op second, Op third) {

  enum Kind {
    LOST("lost-add", "lost adds", true, "acknowledged, but absent from the final read of their key"),
    UNEXPECTED("unexpected-element", "unexpected elements", true, "read, but nobody ever tried to add them"),
    FAILED_PRESENT("failed-add-present", "failed adds present", true, "their add was reported as certainly failed, yet a read saw them"),
    REAPPEARED("reappeared-add", "reappeared adds", false, "present in a read, absent from a later read, present again after that");

    final String wireName;
    final String plural;
    final boolean invalidates;
    final String meaning;

    Kind(String wireName, String plural, boolean invalidates, String meaning) {
      this.wireName = wireName;
      this.plural = plural;
      this.invalidates = invalidates;
      this.meaning = meaning;
    }
  }

  String explain() {
    return switch (kind) {
      case LOST -> "element " + element + " of key " + key + ": added by process " + add.process() + describe(add)
          + ", acknowledged" + when(addCompletion) + " (op " + addCompletion.index() + "), but the final read" + describe(first)
          + " (op " + first.index() + ") did not return it";
      case UNEXPECTED -> "element " + element + " of key " + key + ": returned by the read" + describe(first)
          + " (op " + first.index() + "), but no add of key " + key + " ever had that value";
      case FAILED_PRESENT -> "element " + element + " of key " + key + ": its add by process " + add.process()
          + " failed" + when(addCompletion) + " (" + addCompletion.error() + "), but the read" + describe(first)
          + " (op " + first.index() + ") returned it";
      case REAPPEARED -> "element " + element + " of key " + key + ": read at op " + first.index() + when(first)
          + ", missing from the read at op " + second.index() + when(second) + through(second)
          + ", back in the read at op " + third.index() + when(third);
    };
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("element", element);
    if (add != null) m.put("add-index", add.index());
    if (addCompletion != null) m.put("add-completion-index", addCompletion.index());
    if (first != null) m.put(kind == Kind.LOST ? "final-read-index" : "read-index", first.index());
    if (second != null) m.put("absent-read-index", second.index());
    if (third != null) m.put("reappeared-read-index", third.index());
    return m;
  }

  private static String when(Op op) {
    return op == null || op.time() < 0 ? "" : String.format(java.util.Locale.ROOT, " at %.3f s", op.time() / 1e9);
  }

  private static String through(Op op) {
    return op.node() == null ? "" : " (through " + op.node() + ")";
  }

  /** " through n2 at 12.000 s", as far as known. */
  private static String describe(Op op) {
    if (op == null) return "";
    return (op.node() == null ? "" : " through " + op.node()) + when(op);
  }
}
