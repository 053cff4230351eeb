package io.quorumlab.checkers.linear;

import java.util.Set;

/**
 * A keyed store of strings, one independent string per key (the history is split by key before
 * this model sees it): {@code get} returns the key's string ("" when absent), {@code put}
 * replaces it, {@code append} concatenates to it. As in Porcupine's key-value tests.
 */
public final class KvModel implements Model<KvModel.Text> {
  private static final int SHOWN = 56;

  /**
   * A key's string with a 64-bit polynomial hash kept incrementally, so that an append costs a
   * copy but no rehash of the whole string (the search hashes every new state).
   */
  public static final class Text {
    private static final long BASE = 0x100000001B3L;
    static final Text EMPTY = new Text("", 0);

    final String s;
    final long hash;

    private Text(String s, long hash) {
      this.s = s;
      this.hash = hash;
    }

    static Text of(String s) {
      return EMPTY.append(s);
    }

    Text append(String t) {
      long h = hash;
      for (int i = 0; i < t.length(); i++) h = h * BASE + t.charAt(i);
      return new Text(s.concat(t), h);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Text t && t.hash == hash && t.s.equals(s);
    }

    @Override
    public int hashCode() {
      return (int) (hash ^ (hash >>> 32));
    }

    @Override
    public String toString() {
      return s;
    }
  }

  @Override
  public String name() {
    return "kv";
  }

  @Override
  public Set<String> functions() {
    return Set.of("get", "put", "append");
  }

  @Override
  public Text initial() {
    return Text.EMPTY;
  }

  @Override
  public Text step(Text state, Call call) {
    switch (call.f()) {
      case "get":
        if (!call.outputKnown()) return state;
        return state.s.equals(call.output() == null ? "" : call.output()) ? state : null;
      case "put":
        return Text.of(str(call.input()));
      case "append":
        return state.append(str(call.input()));
      default:
        throw new IllegalArgumentException("model kv cannot check f '" + call.f() + "'");
    }
  }

  @Override
  public boolean isReadOnly(Call call) {
    return call.f().equals("get");
  }

  @Override
  public String describe(Text state) {
    return quote(state.s);
  }

  @Override
  public String describe(Call call) {
    String s = switch (call.f()) {
      case "get" -> call.outputKnown() ? "get returned " + quote(str(call.output())) : "get";
      default -> call.f() + " " + quote(str(call.input()));
    };
    return call.outputKnown() ? s : s + " (indeterminate)";
  }

  @Override
  public long bytes(Text state) {
    return 72L + state.s.length();
  }

  /**
   * A string in quotes; a long one shows only its end (appends differ there) and its length, so
   * that explanations stay readable.
   */
  static String quote(String s) {
    if (s.length() <= SHOWN) return '"' + s + '"';
    return "\"…" + s.substring(s.length() - SHOWN + 8) + "\" (" + s.length() + " chars)";
  }

  private static String str(Object v) {
    if (v == null) return "";
    if (v instanceof String s) return s;
    throw new IllegalArgumentException("kv values are strings, found " + v);
  }
}
