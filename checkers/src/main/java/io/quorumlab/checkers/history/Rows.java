package io.quorumlab.checkers.history;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list of equally long lists (a transaction's micro-ops, [f key value] each) held in
 * one array of cells, row after row: two objects for a whole transaction where a list per micro-op
 * would take two each. A row is a view made when asked for.
 */
final class Rows extends AbstractList<Object> implements RandomAccess {
  private final Object[] cells;
  private final int width;

  private Rows(Object[] cells, int width) {
    this.cells = cells;
    this.width = width;
  }

  /** {@code rows} as Rows when they are all FrozenLists of one width (1 to 4), else null. */
  static Rows pack(Object[] rows, int n) {
    if (n == 0 || !(rows[0] instanceof FrozenList first)) return null;
    int w = first.size();
    if (w < 1 || w > 4) return null;
    for (int i = 1; i < n; i++) if (!(rows[i] instanceof FrozenList r) || r.size() != w) return null;
    Object[] cells = new Object[n * w];
    for (int i = 0; i < n; i++) {
      FrozenList r = (FrozenList) rows[i];
      for (int j = 0; j < w; j++) cells[i * w + j] = r.get(j);
    }
    return new Rows(cells, w);
  }

  @Override
  public Object get(int i) {
    if (i < 0 || i >= size()) throw new IndexOutOfBoundsException(i);
    return new Row(cells, i * width, width);
  }

  @Override
  public int size() {
    return cells.length / width;
  }

  /** One row, a view. */
  private static final class Row extends AbstractList<Object> implements RandomAccess {
    private final Object[] cells;
    private final int from;
    private final int width;

    Row(Object[] cells, int from, int width) {
      this.cells = cells;
      this.from = from;
      this.width = width;
    }

    @Override
    public Object get(int j) {
      if (j < 0 || j >= width) throw new IndexOutOfBoundsException(j);
      return cells[from + j];
    }

    @Override
    public int size() {
      return width;
    }
  }
}
