package io.quorumlab.results.report;

import io.quorumlab.checkers.history.OpType;
import io.quorumlab.checkers.html.HtmlText;
import io.quorumlab.results.FaultInterval;
import io.quorumlab.results.ops.ClientOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One drawing of the message diagram (with or without gossip): lane labels in a column of their own,
 * and beside them, in a box that scrolls, the lanes with the run's faults shaded, each operation as
 * a bar in its process's lane, and each message as an arrow from its sender's lane at the instant
 * it was sent to its receiver's at the instant it arrived. A dropped message's arrow stops short in
 * a cross; a delayed one is dashed; one still in flight at the end runs off to the right, dotted.
 * Every horizontal coordinate is written plainly (no transforms), so zooming is a multiplication.
 */
final class DiagramSvg {
  /** A process lane is narrow (its arrows only start and end there); a node's, where most arrows meet, wider. */
  static final int PROCESS_LANE = 22;
  static final int NODE_LANE = 34;
  static final int TOP = 58;
  static final int LABELS = 170;
  /** Time labels shown at least this far apart (the page thins them again at every zoom)... */
  static final double LABEL_SPACING = 110;
  /** ...out of labels written at least this far apart, so that zooming in finds more. */
  private static final double LABEL_CANDIDATES = 20;
  /** Labels of gaps in the time axis shown at least this far apart. */
  static final double GAP_LABEL_SPACING = 64;
  /** Faults that befall the nodes their description names (the rest, partitions and slow links, lie between nodes). */
  private static final Set<String> NODE_FAULTS = Set.of("kill", "pause", "clock");

  private final MessageTrace trace;
  private final DiagramLanes lanes;
  private final List<ClientOp> ops;
  private final Map<ClientOp, Set<AnomalyOps.Blame>> blamed;
  private final List<FaultInterval> faults;
  /** Each lane's top edge, then the bottom of the last. */
  private final int[] tops;

  DiagramSvg(MessageTrace trace, DiagramLanes lanes, List<ClientOp> ops, Map<ClientOp, Set<AnomalyOps.Blame>> blamed,
      List<FaultInterval> faults) {
    this.trace = trace;
    this.lanes = lanes;
    this.ops = ops;
    this.blamed = blamed;
    this.faults = faults;
    tops = new int[lanes.lanes.size() + 1];
    tops[0] = TOP;
    for (int i = 0; i < lanes.lanes.size(); i++) tops[i + 1] = tops[i] + (lanes.lanes.get(i).node() ? NODE_LANE : PROCESS_LANE);
  }

  /** The drawing; {@code gossip}: with the gossip messages. {@code id} names it in the page. */
  String render(String id, boolean gossip) {
    List<MessageTrace.Message> drawn = new ArrayList<>();
    for (MessageTrace.Message m : trace.messages) if (gossip || !m.gossip()) drawn.add(m);
    DiagramAxis axis = axis(drawn);
    int height = tops[lanes.lanes.size()] + 8;
    double width = axis.width();
    StringBuilder b = new StringBuilder(256 + drawn.size() * 400);
    b.append("<div class=\"md-row\"><svg class=\"md-labels\" width=\"").append(LABELS).append("\" height=\"").append(height)
        .append("\" role=\"presentation\">");
    for (int i = 0; i < lanes.lanes.size(); i++) {
      DiagramLanes.Lane l = lanes.lanes.get(i);
      int y = laneY(i);
      b.append("<text class=\"md-lane").append(l.node() ? " md-node" : "").append("\" x=\"8\" y=\"").append(y + 4).append("\">")
          .append(HtmlText.escape(l.label()));
      if (!l.detail().isEmpty()) b.append("<tspan class=\"md-detail\" dx=\"6\">").append(HtmlText.escape(l.detail())).append("</tspan>");
      b.append("</text>");
    }
    b.append("</svg><div class=\"md-scroll\"><svg class=\"md-svg\" id=\"").append(id).append("\" data-z=\"1\" width=\"")
        .append(num(width)).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"message diagram\">")
        .append("<defs><marker id=\"").append(id).append("-ah\" viewBox=\"0 0 8 8\" refX=\"7.5\" refY=\"4\" markerUnits=\"userSpaceOnUse\" ")
        .append("markerWidth=\"9\" markerHeight=\"9\" ")
        .append("orient=\"auto\"><path d=\"M0,0.5 L8,4 L0,7.5 z\" class=\"md-head\"/></marker></defs>");
    lanesBackground(b, width);
    axisMarks(b, axis, height);
    faultBands(b, axis, height);
    for (ClientOp o : ops) op(b, axis, o);
    for (MessageTrace.Message m : drawn) message(b, axis, id, m);
    return b.append("</svg></div></div>").toString();
  }

  private DiagramAxis axis(List<MessageTrace.Message> drawn) {
    List<Long> instants = new ArrayList<>();
    for (MessageTrace.Message m : drawn) {
      instants.add(m.sent());
      if (m.at() >= 0) instants.add(m.at());
    }
    for (ClientOp o : ops) {
      if (o.invokeNanos() >= 0) instants.add(o.invokeNanos());
      if (o.completeNanos() >= 0) instants.add(o.completeNanos());
    }
    long lo = instants.stream().mapToLong(Long::longValue).min().orElse(0);
    long hi = instants.stream().mapToLong(Long::longValue).max().orElse(0);
    for (FaultInterval f : faults) {
      if (f.endNanos() < lo || f.startNanos() > hi) continue;
      instants.add(Math.max(lo, f.startNanos()));
      instants.add(Math.min(hi, f.endNanos()));
    }
    return new DiagramAxis(instants);
  }

  private void lanesBackground(StringBuilder b, double width) {
    for (int i = 0; i < lanes.lanes.size(); i++) {
      if (i % 2 == 0) {
        b.append("<rect class=\"md-stripe\" x=\"0\" y=\"").append(tops[i]).append("\" width=\"").append(num(width)).append("\" height=\"")
            .append(tops[i + 1] - tops[i]).append("\"/>");
      }
      b.append("<line class=\"md-life").append(lanes.lanes.get(i).node() ? " md-node" : "").append("\" x1=\"0\" x2=\"").append(num(width))
          .append("\" y1=\"").append(laneY(i)).append("\" y2=\"").append(laneY(i)).append("\"/>");
    }
  }

  /**
   * Times along the top and each long gap marked with its length, the labels that would overlap at
   * this scale hidden (the page's zoom shows or hides them again as they fit).
   */
  private void axisMarks(StringBuilder b, DiagramAxis axis, int height) {
    double written = -LABEL_CANDIDATES;
    double shown = -LABEL_SPACING;
    double gapShown = -GAP_LABEL_SPACING;
    for (int i = 0; i < axis.size(); i++) {
      double x = axis.xAt(i);
      if (i > 0 && axis.time(i) - axis.time(i - 1) >= DiagramAxis.BREAK_NANOS) {
        double mid = (axis.xAt(i - 1) + x) / 2;
        boolean show = mid - gapShown >= GAP_LABEL_SPACING;
        if (show) gapShown = mid;
        b.append("<line class=\"md-break\" x1=\"").append(num(mid)).append("\" x2=\"").append(num(mid)).append("\" y1=\"22\" y2=\"")
            .append(height).append("\"/><g class=\"md-gl\"").append(show ? "" : " style=\"display:none\"").append("><text class=\"md-gap\" x=\"")
            .append(num(mid)).append("\" y=\"32\">+").append(HtmlText.escape(duration(axis.time(i) - axis.time(i - 1)))).append("</text></g>");
      }
      if (x - written >= LABEL_CANDIDATES) {
        boolean show = x - shown >= LABEL_SPACING;
        if (show) shown = x;
        written = x;
        b.append("<g class=\"md-tl\"").append(show ? "" : " style=\"display:none\"").append("><line class=\"md-tick\" x1=\"").append(num(x))
            .append("\" x2=\"").append(num(x)).append("\" y1=\"16\" y2=\"21\"/><text class=\"md-time\" x=\"").append(num(x))
            .append("\" y=\"13\">").append(seconds(axis.time(i))).append("</text></g>");
      }
    }
  }

  private void faultBands(StringBuilder b, DiagramAxis axis, int height) {
    for (FaultInterval f : faults) {
      double x0 = axis.x(f.startNanos());
      double x1 = axis.x(f.endNanos());
      if (x1 <= x0) continue;
      String colour = Palette.hex(Palette.fault(f.kind()));
      b.append("<rect class=\"md-fault\" x=\"").append(num(x0)).append("\" y=\"").append(TOP - 18).append("\" width=\"").append(num(x1 - x0))
          .append("\" height=\"").append(height - TOP + 18).append("\" style=\"fill:").append(colour).append("\"><title>")
          .append(HtmlText.escape(f.kind() + ": " + f.description() + ", " + seconds(f.startNanos()) + " to " + seconds(f.endNanos())))
          .append("</title></rect><text class=\"md-fault-l\" x=\"").append(num(x0 + 3)).append("\" y=\"").append(TOP - 7)
          .append("\" style=\"fill:").append(colour).append("\">").append(HtmlText.escape(f.kind())).append("</text>");
      if (NODE_FAULTS.contains(f.kind())) nodeBands(b, f, x0, x1, colour);
    }
  }

  /** The lanes of the nodes a kill or pause names, shaded darker: which node was down is the point. */
  private void nodeBands(StringBuilder b, FaultInterval f, double x0, double x1, String colour) {
    List<String> words = List.of(f.description().split("[^A-Za-z0-9_.-]+"));
    for (int i = 0; i < lanes.lanes.size(); i++) {
      DiagramLanes.Lane l = lanes.lanes.get(i);
      if (!l.node() || !words.contains(l.label())) continue;
      b.append("<rect class=\"md-fault-node\" x=\"").append(num(x0)).append("\" y=\"").append(tops[i]).append("\" width=\"").append(num(x1 - x0))
          .append("\" height=\"").append(tops[i + 1] - tops[i]).append("\" style=\"fill:").append(colour).append("\"><title>")
          .append(HtmlText.escape(f.description() + ", " + seconds(f.startNanos()) + " to " + seconds(f.endNanos()))).append("</title></rect>");
    }
  }

  private void op(StringBuilder b, DiagramAxis axis, ClientOp o) {
    int lane = lanes.laneOf(o);
    if (lane < 0 || o.invokeNanos() < 0) return;
    double x0 = axis.x(o.invokeNanos());
    double x1 = o.completeNanos() >= 0 ? axis.x(o.completeNanos()) : axis.end();
    Set<AnomalyOps.Blame> blame = blamed.get(o);
    boolean culprit = blame != null && blame.stream().anyMatch(AnomalyOps.Blame::culprit);
    String cls = "md-op o-" + o.outcome().wireName() + (blame == null ? "" : culprit ? " md-blamed md-culprit" : " md-blamed");
    int y = laneY(lane);
    StringBuilder title = new StringBuilder(lanes.label(lane)).append(o.invoke().node() == null ? "" : " through " + o.invoke().node())
        .append(": ").append(opText(o)).append(" (").append(o.completed() ? o.outcome().wireName() : "never completed").append(")\nhistory ops ")
        .append(o.invoke().index()).append(o.completed() ? "-" + o.completion().index() : "").append(", ").append(seconds(o.invokeNanos()));
    if (o.completeNanos() >= 0) title.append(" to ").append(seconds(o.completeNanos())).append(" (").append(duration(o.latencyNanos())).append(')');
    if (o.completion() != null && o.completion().error() != null) title.append("\nerror: ").append(o.completion().error());
    if (blame != null) for (AnomalyOps.Blame bl : blame) title.append("\n\u26a0 ").append(bl);
    b.append("<rect class=\"").append(cls).append("\" x=\"").append(num(x0)).append("\" y=\"").append(y - 6).append("\" width=\"")
        .append(num(Math.max(3, x1 - x0))).append("\" height=\"12\" rx=\"3\"><title>").append(HtmlText.escape(title)).append("</title></rect>")
        .append("<text class=\"md-opl").append(blame == null ? "" : " md-blamed").append("\" x=\"").append(num(Math.max(x0 + 3, x1) + 3))
        .append("\" y=\"").append(y + 4).append("\">").append(blame == null ? "" : "\u26a0 ").append(HtmlText.escape(opText(o))).append("</text>");
  }

  private void message(StringBuilder b, DiagramAxis axis, String id, MessageTrace.Message m) {
    int from = lanes.lane(m, m.from());
    int to = lanes.lane(m, m.to());
    if (from < 0 || to < 0) return;
    double x1 = axis.x(m.sent());
    double y1 = laneY(from);
    double y2 = laneY(to);
    ClientOp op = lanes.op(m);
    boolean highlighted = op != null && blamed.containsKey(op);
    String cls = "md-m t-" + HtmlText.escape(m.type()) + (m.type().endsWith("-ack") || m.type().endsWith("-reply") ? " md-ack" : "")
        + (m.delayed() ? " md-delayed" : "") + (highlighted ? " md-hl" : "");
    double x2;
    double yEnd;
    boolean head = true;
    if (m.dropped()) {
      x2 = Math.max(axis.x(m.at() >= 0 ? m.at() : m.sent()), x1 + 10);
      yEnd = y1 + (y2 - y1) * 0.7;
      cls += " md-dropped";
      head = false;
    } else if (m.inFlight()) {
      x2 = axis.end();
      yEnd = y1 + (y2 - y1) * 0.5;
      cls += " md-inflight";
    } else {
      x2 = axis.x(m.at());
      yEnd = y2;
    }
    b.append("<line class=\"").append(cls).append("\" x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
        .append(num(x2)).append("\" y2=\"").append(num(yEnd)).append('"');
    if (head) b.append(" marker-end=\"url(#").append(id).append("-ah)\"");
    b.append("><title>").append(HtmlText.escape(tooltip(m, from, to, op))).append("</title></line>");
    if (m.dropped()) {
      b.append("<text class=\"md-x\" x=\"").append(num(x2)).append("\" y=\"").append(num(yEnd + 4)).append("\">\u2715<title>")
          .append(HtmlText.escape("#" + m.id() + " dropped: " + m.why())).append("</title></text>");
    }
  }

  private String tooltip(MessageTrace.Message m, int from, int to, ClientOp op) {
    StringBuilder t = new StringBuilder("#").append(m.id()).append(' ').append(m.type()).append(": ").append(lanes.label(from))
        .append(" \u2192 ").append(lanes.label(to)).append('\n').append(m.text()).append("\nsent ").append(seconds(m.sent()));
    if (m.dropped()) {
      t.append(m.at() == m.sent() ? ", dropped as sent: " : ", dropped at " + seconds(m.at()) + ": ").append(m.why());
    } else if (m.inFlight()) {
      t.append(", still in flight when the run ended");
    } else {
      t.append(", arrived ").append(seconds(m.at())).append(" (").append(duration(m.at() - m.sent())).append(')');
    }
    if (m.slowed() > 0) t.append("\ndelayed ").append(duration(m.slowed())).append(" by a slow link");
    if (m.heldNanos() > 0) t.append("\nwaited ").append(duration(m.heldNanos())).append(" for its paused receiver");
    if (m.duplicateOf() >= 0) t.append("\nthe network's duplicate of #").append(m.duplicateOf());
    if (m.unanswered()) t.append("\nthe client had given up on the request: ignored");
    if (op != null) t.append("\npart of ").append(opText(op)).append(" by ").append(lanes.label(lanes.laneOf(op)));
    return t.toString();
  }

  /** "write 4 = 1", "read 2 → 1". */
  static String opText(ClientOp o) {
    StringBuilder s = new StringBuilder(o.f());
    if (o.invoke().key() != null) s.append(' ').append(o.invoke().key());
    if (o.invoke().value() != null) s.append(" = ").append(o.invoke().value());
    Object result = o.completion() == null ? null : o.completion().value();
    if (o.outcome() == OpType.OK && o.invoke().value() == null) s.append(" \u2192 ").append(result == null ? "nil" : result);
    else if (result != null && !Objects.equals(result, o.invoke().value())) s.append(" \u2192 ").append(result);
    String text = s.toString();
    return text.length() <= 48 ? text : text.substring(0, 47) + "\u2026";
  }

  private int laneY(int lane) {
    return (tops[lane] + tops[lane + 1]) / 2;
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.6f s", nanos / 1e9);
  }

  static String duration(long nanos) {
    if (nanos < 1_000_000) return String.format(Locale.ROOT, "%.0f \u00b5s", nanos / 1e3);
    if (nanos < 1_000_000_000) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
