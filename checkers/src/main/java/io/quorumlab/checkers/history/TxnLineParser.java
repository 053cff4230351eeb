package io.quorumlab.checkers.history;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads the lines of a list-append history straight into {@link TxnChunk} columns, for the shape
 * nearly every line has: a map of index, time, process, type, f {@code txn} and a value of
 * {@code [:append k n]} and {@code [:r k nil|[n ...]]} micro-ops, integers throughout. It follows
 * {@link FastLineParser}'s rules exactly for that subset (separators, numbers, nil), and hands every
 * other line (other fields or functions, the nemesis, anything unusual) to the general reader
 * ({@link LineChunks#opsOfLine}), so a line means here what it means there. A line the general
 * reader refuses marks the chunk failed: the caller then reads the file the general way, which says
 * what is wrong and where.
 */
final class TxnLineParser {
  private static final int INDEX = 1;
  private static final int TIME = 2;
  private static final int PROCESS = 4;
  private static final int TYPE = 8;
  private static final int F = 16;
  private static final int VALUE = 32;

  private final boolean json;
  private final Path file;
  private final FastLineParser general;
  private byte[] b;
  private int pos;
  private int end;
  private long number;
  private TxnChunk c;

  TxnLineParser(boolean json, Path file) {
    this.json = json;
    this.file = file;
    this.general = new FastLineParser(json);
  }

  /** The ops on the lines of {@code buf[0..end)}. */
  TxnChunk parse(byte[] buf, int end) {
    TxnChunk chunk = new TxnChunk();
    c = chunk;
    b = buf;
    int from = 0;
    while (from < end) {
      int to = from;
      while (to < end && buf[to] != '\n') to++;
      int mops = c.mops;
      int elems = c.elemCount;
      if (!line(from, to)) {
        c.mops = mops;
        c.elemCount = elems;
        List<Op> ops = LineChunks.opsOfLine(general, buf, from, to, json, file);
        if (ops == null) {
          c.failed = true;
          return c;
        }
        for (Op op : ops) c.addOp(op);
      }
      from = to + 1;
    }
    b = null;
    c = null;
    chunk.finish();
    return chunk;
  }

  /** Reads one line of the common shape into the chunk; false (nothing added) for any other line. */
  private boolean line(int from, int to) {
    pos = from;
    end = to;
    skipSpace();
    if (pos == end || b[pos] != '{') return false;
    pos++;
    int seen = 0;
    OpType type = null;
    long process = 0;
    int mopFrom = c.mops;
    int mopCount = -1;
    skipSpace();
    while (true) {
      int field = field();
      if (field == 0 || (seen & field) != 0) return false;
      seen |= field;
      skipSpace();
      if (json) {
        if (pos >= end || b[pos] != ':') return false;
        pos++;
        skipSpace();
      }
      if (pos >= end || b[pos] == '}') return false;
      switch (field) {
        case INDEX -> {
          if (!number()) return false;
        }
        case TIME -> {
          if (!number() && !nil()) return false;
        }
        case PROCESS -> {
          if (number()) {
            if (number < 0) return false;
            process = number;
          } else if (name("nemesis")) {
            process = Op.NEMESIS;
          } else {
            return false;
          }
        }
        case TYPE -> {
          type = name("invoke") ? OpType.INVOKE : name("ok") ? OpType.OK : name("fail") ? OpType.FAIL : name("info") ? OpType.INFO : null;
          if (type == null) return false;
        }
        case F -> {
          if (!name("txn")) return false;
        }
        default -> {
          mopCount = mops();
          if (mopCount < 0) return false;
        }
      }
      int more = next('}');
      if (more < 0) return false;
      if (more == 0) break;
    }
    skipSpace();
    if (pos != end || (seen & (PROCESS | TYPE | F)) != (PROCESS | TYPE | F)) return false;
    c.addOp(type, process, "txn", mopFrom, (seen & VALUE) != 0 ? mopCount : -1);
    return true;
  }

  /** The field named next (one of the constants), or 0 for any other. */
  private int field() {
    int start;
    int stop;
    if (json) {
      if (pos >= end || b[pos] != '"') return 0;
      start = ++pos;
      while (pos < end && b[pos] >= 'a' && b[pos] <= 'z') pos++;
      if (pos >= end || b[pos] != '"') return 0;
      stop = pos++;
    } else {
      if (pos >= end || b[pos] != ':') return 0;
      start = ++pos;
      while (pos < end && b[pos] >= 'a' && b[pos] <= 'z') pos++;
      if (pos < end && !FastLineParser.separator(b[pos])) return 0;
      stop = pos;
    }
    return switch (stop - start) {
      case 1 -> b[start] == 'f' ? F : 0;
      case 4 -> is(start, "time") ? TIME : is(start, "type") ? TYPE : 0;
      case 5 -> is(start, "index") ? INDEX : is(start, "value") ? VALUE : 0;
      case 7 -> is(start, "process") ? PROCESS : 0;
      default -> 0;
    };
  }

  private boolean is(int start, String word) {
    for (int i = 0; i < word.length(); i++) if (b[start + i] != word.charAt(i)) return false;
    return true;
  }

  /** A keyword (EDN) or string naming {@code word}, consumed; false (nothing consumed) otherwise. */
  private boolean name(String word) {
    int n = word.length();
    if (pos >= end) return false;
    if (b[pos] == '"') {
      if (pos + n + 1 >= end || b[pos + n + 1] != '"' || !is(pos + 1, word)) return false;
      pos += n + 2;
      return true;
    }
    if (json || b[pos] != ':' || pos + 1 + n > end || !is(pos + 1, word)) return false;
    int p = pos + 1 + n;
    if (p < end && !FastLineParser.separator(b[p])) return false;
    pos = p;
    return true;
  }

  /**
   * The micro-ops of a transaction's value into the chunk, and their number; -1 when the value
   * is not a vector of list-append micro-ops over integers.
   */
  private int mops() {
    int open = openVector();
    if (open <= 0) return open;
    int count = 0;
    while (true) {
      if (pos >= end || b[pos] != '[') return -1;
      pos++;
      skipSpace();
      if (pos >= end) return -1;
      boolean append = name("append");
      if (!append && !name("r")) return -1;
      if (next(']') != 1 || !number()) return -1;
      long key = number;
      int more = next(']');
      if (more < 0) return -1;
      if (more == 0) {
        if (append) return -1; // [:append k] is the general reader's to refuse
        c.addMop(TxnChunk.READ, key, -1, 0);
      } else {
        if (append) {
          if (!intNumber()) return -1;
          c.addMop(TxnChunk.APPEND, key, (int) number, 0);
        } else if (nil()) {
          c.addMop(TxnChunk.READ, key, -1, 0);
        } else {
          int at = c.elemCount;
          int n = ints();
          if (n < 0) return -1;
          c.addMop(TxnChunk.READ, key, at, n);
        }
        if (next(']') != 0) return -1;
      }
      count++;
      int again = next(']');
      if (again < 0) return -1;
      if (again == 0) return count;
    }
  }

  /** A vector of integers that fit an int, into the chunk's elements; its length, or -1. */
  private int ints() {
    int open = openVector();
    if (open <= 0) return open;
    int n = 0;
    while (true) {
      if (!intNumber()) return -1;
      c.addElem((int) number);
      n++;
      int more = next(']');
      if (more < 0) return -1;
      if (more == 0) return n;
    }
  }

  /** Past a vector's {@code [}: 1 when elements follow, 0 when it was empty (consumed), -1 when it is no vector. */
  private int openVector() {
    if (b[pos] != '[') return -1;
    pos++;
    skipSpace();
    if (pos < end && b[pos] == ']') {
      pos++;
      return 0;
    }
    return 1;
  }

  private boolean intNumber() {
    return number() && number == (int) number;
  }

  /** An integer as {@link FastLineParser} reads one, into {@link #number}; false when it is not one it reads. */
  private boolean number() {
    if (pos >= end) return false;
    int p = pos;
    boolean negative = b[p] == '-';
    if (negative) p++;
    int digits = p;
    long v = 0;
    while (p < end && b[p] >= '0' && b[p] <= '9') {
      if (p - digits >= 18) return false;
      v = v * 10 + (b[p] - '0');
      p++;
    }
    if (p == digits || (p - digits > 1 && b[digits] == '0')) return false;
    if (p < end && !(json ? FastLineParser.jsonAfterNumber(b[p]) : FastLineParser.separator(b[p]))) return false;
    pos = p;
    number = negative ? -v : v;
    return true;
  }

  private boolean nil() {
    String word = json ? "null" : "nil";
    int n = word.length();
    if (pos + n > end || !is(pos, word)) return false;
    int p = pos + n;
    if (p < end && !(json ? FastLineParser.jsonAfterNumber(b[p]) : FastLineParser.separator(b[p]))) return false;
    pos = p;
    return true;
  }

  private static final boolean[] EDN_SPACE = new boolean[256];
  private static final boolean[] JSON_SPACE = new boolean[256];

  static {
    for (char ch : " \t\r".toCharArray()) EDN_SPACE[ch] = JSON_SPACE[ch] = true;
    EDN_SPACE[','] = true;
  }

  /** Skips whitespace, and in EDN commas, as {@link FastLineParser} does. */
  private void skipSpace() {
    boolean[] space = json ? JSON_SPACE : EDN_SPACE;
    while (pos < end && space[b[pos] & 0xff]) pos++;
  }

  /**
   * After an element of a collection, as {@link FastLineParser} takes it: 1 when another follows,
   * 0 when the collection closes (consumed), -1 when what follows is wrong.
   */
  private int next(char close) {
    if (json) {
      skipSpace();
      if (pos >= end) return -1;
      if (b[pos] == close) {
        pos++;
        return 0;
      }
      if (b[pos] != ',') return -1;
      pos++;
      skipSpace();
      return pos >= end || b[pos] == close ? -1 : 1;
    }
    if (pos < end && !FastLineParser.separator(b[pos])) return -1;
    skipSpace();
    if (pos >= end) return -1;
    if (b[pos] == close) {
      pos++;
      return 0;
    }
    return 1;
  }
}
