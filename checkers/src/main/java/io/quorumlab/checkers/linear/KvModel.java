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
   * A key's string as a persistent rope: a parent plus the appended suffix, with its length and a
   * 64-bit polynomial hash kept incrementally. An append costs O(suffix) time and a small object
   * instead of a copy of the whole string (the search keeps every state it explores); the string
   * itself is built only when a get of the same length is compared with it.
   */
  public static final class Text {
    private static final long BASE = 0x100000001B3L;
    static final Text EMPTY = new Text(null, "", 0, 0);

    private final Text parent;
    private final String suffix;
    private final int length;
    private final long hash;
    private String whole;

    private Text(Text parent, String suffix, int length, long hash) {
      this.parent = parent;
      this.suffix = suffix;
      this.length = length;
      this.hash = hash;
      if (parent == null) whole = suffix;
    }

    static Text of(String s) {
      return new Text(null, s, s.length(), hash(0, s));
    }

    Text append(String t) {
      return t.isEmpty() ? this : new Text(this, t, length + t.length(), hash(hash, t));
    }

    private static long hash(long h, String t) {
      for (int i = 0; i < t.length(); i++) h = h * BASE + t.charAt(i);
      return h;
    }

    /** Whether this is exactly {@code s}. */
    boolean is(String s) {
      return s.length() == length && toString().equals(s);
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) return true;
      if (!(o instanceof Text t) || t.hash != hash || t.length != length) return false;
      if (t.parent == parent && t.suffix.equals(suffix)) return true;
      return t.toString().equals(toString());
    }

    @Override
    public int hashCode() {
      return (int) (hash ^ (hash >>> 32));
    }

    /** The whole string, built once. */
    @Override
    public String toString() {
      String w = whole;
      if (w == null) {
        char[] chars = new char[length];
        int end = length;
        Text t = this;
        while (t.whole == null) {
          end -= t.suffix.length();
          t.suffix.getChars(0, t.suffix.length(), chars, end);
          t = t.parent;
        }
        t.whole.getChars(0, end, chars, 0);
        w = new String(chars);
        whole = w;
      }
      return w;
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
        return state.is(call.output() == null ? "" : str(call.output())) ? state : null;
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
    return quote(state.toString());
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
    return 48L;
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
