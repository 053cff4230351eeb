package io.quorumlab.checkers.history;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one line of a history (one EDN map, or one JSON object) straight from UTF-8 bytes into
 * the plain values {@link OpFields} takes, for the subset of both languages histories are written
 * in: maps/objects, vectors and lists/arrays, keywords, strings with the common escapes, integers
 * that fit a long, nil/null, true and false. Anything else (tags, sets, characters, symbols,
 * floating point, big integers, comments, unusual escapes, a form that does not end on its line)
 * is {@link #UNSUPPORTED}: the caller then reads the line with the full EDN or JSON library, so
 * that what a history means never depends on this fast path, only how fast it is read.
 *
 * <p>Values come out as the libraries' readers make them ({@link EdnValues#fromEdn}, the JSON
 * codec): keywords as their names, integers as Long, collections as lists and ordered maps; lists
 * are immutable ({@link FrozenList}) and small integers shared ({@link SharedLongs}), which is what
 * keeps a history of millions of operations compact.
 */
final class FastLineParser {
  /** The line is outside the subset: read it with the full library. */
  static final Object UNSUPPORTED = new Object();

  private final boolean json;
  /** The top-level map of each line, reused: the caller must take what it needs before the next line. */
  private final RecordMap record = new RecordMap();
  private byte[] b;
  private int pos;
  private int end;
  private boolean failed;

  FastLineParser(boolean json) {
    this.json = json;
  }

  /**
   * The map on {@code bytes[from..to)} (one line, without its newline), or {@link #UNSUPPORTED}.
   * A line that holds only whitespace and commas gives null. The map is reused by the next call.
   */
  Object parseLine(byte[] bytes, int from, int to) {
    b = bytes;
    pos = from;
    end = to;
    failed = false;
    skipSpace();
    if (pos == end) return null;
    if (b[pos] != '{') return UNSUPPORTED;
    Object m = value(0);
    if (failed) return UNSUPPORTED;
    skipSpace();
    return pos == end ? m : UNSUPPORTED;
  }

  private Object fail() {
    failed = true;
    return null;
  }

  /** Skips whitespace, and in EDN commas, which are whitespace there. */
  private void skipSpace() {
    while (pos < end) {
      byte c = b[pos];
      if (c == ' ' || c == '\t' || c == '\r' || (c == ',' && !json)) pos++;
      else return;
    }
  }

  private Object value(int depth) {
    if (depth > EdnCodec.MAX_DEPTH || pos >= end) return fail();
    byte c = b[pos];
    switch (c) {
      case '{':
        return map(depth);
      case '[':
        return list(']', depth);
      case '(':
        return json ? fail() : list(')', depth);
      case '"':
        return string();
      case ':':
        return json ? fail() : keyword();
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        return word();
    }
  }

  private Object map(int depth) {
    pos++;
    Map<Object, Object> m;
    if (depth == 0) {
      record.clear0();
      m = record;
    } else {
      m = new LinkedHashMap<>(16);
    }
    skipSpace();
    if (pos < end && b[pos] == '}') {
      pos++;
      return m;
    }
    while (true) {
      Object k = value(depth + 1);
      if (failed) return null;
      skipSpace();
      if (json) {
        if (!(k instanceof String) || pos >= end || b[pos] != ':') return fail();
        pos++;
        skipSpace();
      }
      if (pos >= end || b[pos] == '}') return fail();
      Object v = value(depth + 1);
      if (failed) return null;
      m.put(k, v);
      if (!next('}')) return failed ? null : m;
    }
  }

  private Object list(char close, int depth) {
    pos++;
    Object[] items = new Object[4];
    int n = 0;
    skipSpace();
    if (pos < end && b[pos] == close) {
      pos++;
      return FrozenList.of(items, 0);
    }
    while (true) {
      Object v = value(depth + 1);
      if (failed) return null;
      if (n == items.length) items = java.util.Arrays.copyOf(items, n * 2);
      items[n++] = v;
      if (!next(close)) {
        if (failed) return null;
        Rows rows = Rows.pack(items, n);
        return rows != null ? rows : FrozenList.of(items, n);
      }
    }
  }

  /**
   * After an element of a collection: whether another follows (false, consumed, when the
   * collection closes; false with {@link #failed} when what follows is wrong). In JSON exactly one
   * comma separates elements; in EDN commas are whitespace, and a value must end at a delimiter.
   */
  private boolean next(char close) {
    if (json) {
      skipSpace();
      if (pos >= end) return fail() != null;
      if (b[pos] == close) {
        pos++;
        return false;
      }
      if (b[pos] != ',') return fail() != null;
      pos++;
      skipSpace();
      if (pos >= end || b[pos] == close) return fail() != null;
      return true;
    }
    if (pos < end && !separator(b[pos])) return fail() != null;
    skipSpace();
    if (pos >= end) return fail() != null;
    if (b[pos] == close) {
      pos++;
      return false;
    }
    return true;
  }

  private static final boolean[] SEPARATOR = new boolean[256];

  static {
    for (char c : " ,\t\r])}[{\"".toCharArray()) SEPARATOR[c] = true;
  }

  /** What may follow a value directly in EDN. */
  static boolean separator(byte c) {
    return SEPARATOR[c & 0xff];
  }

  private Object string() {
    int start = ++pos;
    boolean ascii = true;
    StringBuilder sb = null;
    while (pos < end) {
      byte c = b[pos];
      if (c == '"') {
        if (!ascii && decodeStrictly(b, start, pos - start) == null) return fail();
        String s;
        if (sb != null) s = sb.append(new String(b, start, pos - start, StandardCharsets.UTF_8)).toString();
        else if (ascii && pos - start <= SHARED_LENGTH) s = name(start, pos - start);
        else s = new String(b, start, pos - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        pos++;
        return s;
      }
      if (c < 0) ascii = false;
      else if (c < 0x20 && (json || c != '\t')) return fail();
      if (c == '\\') {
        if (pos + 1 >= end) return fail();
        char esc = switch (b[pos + 1]) {
          case '"' -> '"';
          case '\\' -> '\\';
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case '/' -> json ? '/' : 0;
          default -> 0;
        };
        if (esc == 0) return fail();
        if (sb == null) sb = new StringBuilder();
        sb.append(new String(b, start, pos - start, StandardCharsets.UTF_8)).append(esc);
        pos += 2;
        start = pos;
        continue;
      }
      pos++;
    }
    return fail();
  }

  /** A keyword of plain characters ({@code :invoke}, {@code :jepsen.nemesis/kill}) as its name. */
  private Object keyword() {
    int start = ++pos;
    while (pos < end && keywordChar(b[pos])) pos++;
    if (pos == start || (pos < end && !separator(b[pos]))) return fail();
    byte first = b[start];
    if ((first >= '0' && first <= '9') || first == '/' || b[pos - 1] == '/' || first == ':') return fail();
    int slash = -1;
    for (int i = start; i < pos; i++) {
      if (b[i] == '/') {
        if (slash >= 0) return fail();
        slash = i;
      }
    }
    return name(start, pos - start);
  }

  private static boolean keywordChar(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '/'
        || c == '?' || c == '!' || c == '*' || c == '+' || c == '<' || c == '>' || c == '=';
  }

  private Object number() {
    boolean negative = b[pos] == '-';
    if (negative) pos++;
    int digits = pos;
    long v = 0;
    while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
      if (pos - digits >= 18) return fail(); // might not fit a long: the libraries decide
      v = v * 10 + (b[pos] - '0');
      pos++;
    }
    if (pos == digits) return fail();
    if (pos - digits > 1 && b[digits] == '0') return fail(); // a leading zero: octal in EDN, an error in JSON
    if (pos < end && !(json ? jsonAfterNumber(b[pos]) : separator(b[pos]))) return fail();
    return SharedLongs.of(negative ? -v : v);
  }

  static boolean jsonAfterNumber(byte c) {
    return c == ' ' || c == ',' || c == '\t' || c == '\r' || c == ']' || c == '}';
  }

  private Object word() {
    int start = pos;
    while (pos < end && b[pos] >= 'a' && b[pos] <= 'z') pos++;
    int n = pos - start;
    if (pos < end && !(json ? jsonAfterNumber(b[pos]) : separator(b[pos]))) return fail();
    if (json ? is(start, n, "null") : is(start, n, "nil")) return null;
    if (is(start, n, "true")) return Boolean.TRUE;
    if (is(start, n, "false")) return Boolean.FALSE;
    return fail();
  }

  private boolean is(int start, int n, String word) {
    if (n != word.length()) return false;
    for (int i = 0; i < n; i++) if (b[start + i] != word.charAt(i)) return false;
    return true;
  }

  /** The UTF-8 text of {@code b[from..from+len)}, or null when it is not UTF-8. */
  static String decodeStrictly(byte[] b, int from, int len) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b, from, len)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  /** Short ASCII strings are shared like keyword names: JSON writes field names, types and functions as strings. */
  private static final int SHARED_LENGTH = 16;

  /**
   * Keyword names are few (op fields, types, functions, errors): each parser keeps one String per
   * name it has met, found by the bytes without making a String.
   */
  private final String[] names = new String[512];

  private String name(int from, int len) {
    int h = 0;
    for (int i = 0; i < len; i++) h = h * 31 + b[from + i];
    int slot = (h ^ (h >>> 9)) & (names.length - 1);
    String s = names[slot];
    if (s != null && s.length() == len) {
      boolean same = true;
      for (int i = 0; i < len && same; i++) same = s.charAt(i) == (char) b[from + i];
      if (same) return s;
    }
    s = new String(b, from, len, StandardCharsets.ISO_8859_1);
    names[slot] = s;
    return s;
  }

  /** For tests: the values of {@code line} read by the fast path, or {@link #UNSUPPORTED}. */
  static Object parse(String line, boolean json) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return new FastLineParser(json).parseLine(bytes, 0, bytes.length);
  }
}
