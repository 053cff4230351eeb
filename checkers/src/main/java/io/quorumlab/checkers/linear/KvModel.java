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
   * A key's string as a persistent rope: a parent plus the appended suffix, with its length and
   * its {@link String#hashCode} kept incrementally. An append costs a small object instead of a copy
   * of the whole string (the search keeps every state it explores), and no pass over the suffix:
   * String's hash is a polynomial, so the hash of a concatenation is the parent's times 31^|suffix|
   * plus the suffix's own (cached by the String). The string itself is built only when a get of
   * the same length and hash is compared with it.
   */
  public static final class Text {
    private static final int[] POW31 = new int[64];

    static {
      POW31[0] = 1;
      for (int i = 1; i < POW31.length; i++) POW31[i] = POW31[i - 1] * 31;
    }

    static final Text EMPTY = new Text(null, "", 0, 0);

    private final Text parent;
    private final String suffix;
    private final int length;
    private final int hash;
    private String whole;

    private Text(Text parent, String suffix, int length, int hash) {
      this.parent = parent;
      this.suffix = suffix;
      this.length = length;
      this.hash = hash;
      if (parent == null) whole = suffix;
    }

    static Text of(String s) {
      return new Text(null, s, s.length(), s.hashCode());
    }

    Text append(String t) {
      return t.isEmpty() ? this : new Text(this, t, length + t.length(), hash * pow31(t.length()) + t.hashCode());
    }

    /** 31^n in int arithmetic, as String#hashCode computes it. */
    private static int pow31(int n) {
      if (n < POW31.length) return POW31[n];
      int result = 1;
      int base = 31;
      for (int e = n; e > 0; e >>>= 1) {
        if ((e & 1) != 0) result *= base;
        base *= base;
      }
      return result;
    }

    /**
     * Whether this may be a prefix of {@code s}: false when it is not; true when it is, or when the
     * last {@code pieces} appends are where they would be in {@code s} (a prefix as far as looked).
     * Costs {@code pieces} short comparisons, whatever the length.
     */
    boolean mayPrefix(String s, int pieces) {
      if (length > s.length()) return false;
      int end = length;
      Text t = this;
      for (int i = 0; i < pieces && t.parent != null; i++) {
        end -= t.suffix.length();
        if (!s.startsWith(t.suffix, end)) return false;
        t = t.parent;
      }
      return t.parent != null || s.startsWith(t.suffix); // the root's suffix is its whole string
    }

    /** Whether this is exactly {@code s}. */
    boolean is(String s) {
      if (s.length() != length || s.hashCode() != hash) return false;
      String w = whole;
      if (w != null) return w.equals(s);
      // compared piece by piece, without building this string; once equal, s is this string
      int end = length;
      Text t = this;
      while (t.whole == null) {
        end -= t.suffix.length();
        if (!s.startsWith(t.suffix, end)) return false;
        t = t.parent;
      }
      if (!s.startsWith(t.whole)) return false;
      whole = s;
      return true;
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
      return hash;
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
    // dispatched on the first letter and checked with equals, as RegisterModel#step
    String f = call.f();
    char first = f.isEmpty() ? ' ' : f.charAt(0);
    if (first == 'g' && f.equals("get")) {
      if (!call.outputKnown()) return state;
      return state.is(call.output() == null ? "" : str(call.output())) ? state : null;
    }
    if (first == 'p' && f.equals("put")) return Text.of(str(call.input()));
    if (first == 'a' && f.equals("append")) return state.append(str(call.input()));
    throw new IllegalArgumentException("model kv cannot check f '" + f + "'");
  }

  @Override
  public boolean looksAhead() {
    return true;
  }

  /** Only a put: appends and gets keep the string's prefix. */
  @Override
  public boolean overwrites(Call call) {
    return !call.f().equals("get") && !call.f().equals("append");
  }

  /** Appends only extend the string, so a get must have read it as a prefix. */
  @Override
  public boolean mayStillFit(Text state, Call later) {
    if (!later.f().equals("get") || !later.outputKnown()) return true;
    return state.mayPrefix(later.output() == null ? "" : str(later.output()), 2);
  }

  /** A step reads nothing of an indeterminate call but its f and input. */
  @Override
  public boolean interchangeable(Call a, Call b) {
    return a.sameIndeterminateInvocation(b);
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
