package io.quorumlab.checkers.elle.cycle;

/** A point in time after which a search gives up by throwing {@link BudgetExceeded}. */
public final class Deadline {
  private final long atNanos;
  private int calls;

  private Deadline(long atNanos) {
    this.atNanos = atNanos;
  }

  public static Deadline at(long nanoTime) {
    return new Deadline(nanoTime);
  }

  /** Cheap to call in inner loops: looks at the clock every 256 calls. */
  public void check() {
    if ((++calls & 255) == 0 && System.nanoTime() - atNanos > 0) throw BudgetExceeded.INSTANCE;
  }

  /** Thrown when a search runs past its deadline; carries no stack trace, it is control flow. */
  public static final class BudgetExceeded extends RuntimeException {
    static final BudgetExceeded INSTANCE = new BudgetExceeded();

    private BudgetExceeded() {
      super("cycle search budget exceeded", null, false, false);
    }
  }
}
