package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.html.HtmlText;

import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A self-contained HTML page (inline SVG, no scripts, no external resources) drawing the
 * operations of non-linearizable keys on a timeline, one lane per process, with the longest
 * linearizable prefix numbered in linearization order and the point where the next call cannot
 * be placed marked.
 */
final class TimelineHtml {
  private static final int STEP = 20;
  private static final int LANE = 24;
  private static final int LEFT = 8;
  private static final int LABELS = 90;
  private static final int TOP = 34;
  private static final int MAX_EVENTS = 1200;
  /** Events drawn after the failing point, for context. */
  private static final int AFTER = 30;

  /** One key to draw. */
  record Section(KeyHistory key, DeadEnd deadEnd, List<String> explanation) {}

  private TimelineHtml() {}

  static String render(String title, String modelName, List<Section> sections, List<String> summary) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(HtmlText.escape(title)).append("</title>\n<style>\n")
        .append("body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:17px;margin-top:32px}\n")
        .append(".expl{font-family:ui-monospace,monospace;font-size:13px;white-space:pre-wrap;background:#f6f6f6;padding:10px;border-radius:4px}\n")
        .append(".tl{display:flex;border:1px solid #ddd;margin-top:8px}.scroll{overflow-x:auto;direction:rtl;flex:1}.scroll svg{direction:ltr}.legend span{display:inline-block;margin-right:16px}\n")
        .append(".sw{display:inline-block;width:14px;height:10px;margin-right:4px;vertical-align:middle;border:1px solid #555}\n")
        .append("svg text{font:11px ui-monospace,monospace}\n</style></head><body>\n");
    h.append("<h1>").append(HtmlText.escape(title)).append("</h1>\n<p>Linearizability check with the <b>").append(HtmlText.escape(modelName)).append("</b> model.</p>\n");
    h.append("<div class=\"expl\">").append(HtmlText.escape(String.join("\n", summary))).append("</div>\n");
    h.append("<p class=\"legend\">")
        .append(swatch("#7cc47c", "in the longest linearizable prefix (number = its place in that order)"))
        .append(swatch("#e05050", "cannot be placed next"))
        .append(swatch("#f0a040", "pending, impossible at that point too"))
        .append(swatch("#b8c4d8", "not reached"))
        .append(swatch("#eeeeee", "failed (did not happen)"))
        .append("<span>thick outline: set a state possible at the failing point</span>")
        .append("<span>dashed: indeterminate (info or never returned)</span></p>\n");
    for (Section s : sections) section(h, s);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void section(StringBuilder h, Section s) {
    KeyHistory k = s.key();
    DeadEnd d = s.deadEnd();
    h.append("<h2>").append(HtmlText.escape(Counterexample.keyName(k.key()))).append("</h2>\n");
    h.append("<div class=\"expl\">").append(HtmlText.escape(String.join("\n", s.explanation()))).append("</div>\n");

    Map<Operation, Integer> prefixPos = new HashMap<>();
    int[] prefix = d.longest().calls();
    for (int i = 0; i < prefix.length; i++) prefixPos.put(k.calls()[prefix[i]].op(), i + 1);
    Operation blocked = k.calls()[d.blocked()].op();
    java.util.Set<Operation> setters = new java.util.HashSet<>();
    for (DeadEnd.Order o : d.orders()) {
      int setter = Counterexample.setter(o);
      if (setter >= 0) setters.add(k.calls()[setter].op());
    }
    java.util.Set<Operation> pending = new java.util.HashSet<>();
    for (int c : d.pending()) pending.add(k.calls()[c].op());

    // x positions: the rank of each event index among the key's events
    TreeSet<Long> events = new TreeSet<>();
    for (Operation o : k.operations()) {
      events.add(o.invokeIndex());
      if (o.completion() != null) events.add(o.completion().index());
    }
    List<Long> eventList = new ArrayList<>(events);
    long failAt = blocked.completion().index();
    int failRank = eventList.indexOf(failAt);
    // the page opens scrolled to the failing point (right-to-left container); a little after it is shown
    int to = Math.min(eventList.size() - 1, failRank + AFTER);
    int from = Math.max(0, to - MAX_EVENTS + 1);
    h.append("<p>Events ").append(from + 1).append("–").append(to + 1).append(" of ").append(eventList.size())
        .append(" of this key; the view opens at the failing point: scroll left for earlier operations, hover over one for its details.</p>\n");
    long lo = eventList.get(from);
    long hi = eventList.get(to);
    Map<Long, Integer> rank = new HashMap<>();
    for (int i = from; i <= to; i++) rank.put(eventList.get(i), i - from);
    int endX = LEFT + (to - from + 2) * STEP;

    TreeMap<Long, Integer> lanes = new TreeMap<>();
    for (Operation o : k.operations()) lanes.putIfAbsent(o.process(), 0);
    int lane = 0;
    for (Map.Entry<Long, Integer> e : lanes.entrySet()) e.setValue(lane++);
    int width = endX + 40;
    int height = TOP + lanes.size() * LANE + 20;
    h.append("<div class=\"tl\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(LABELS).append("\" height=\"").append(height).append("\">");
    for (Map.Entry<Long, Integer> e : lanes.entrySet()) {
      h.append("<text x=\"4\" y=\"").append(TOP + e.getValue() * LANE + 15).append("\">process ").append(Call.processName(e.getKey())).append("</text>");
    }
    h.append("</svg>\n<div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\">\n");
    for (Map.Entry<Long, Integer> e : lanes.entrySet()) {
      int y = TOP + e.getValue() * LANE;
      h.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y + LANE - 2).append("\" x2=\"").append(endX)
          .append("\" y2=\"").append(y + LANE - 2).append("\" stroke=\"#eee\"/>\n");
    }
    for (Operation o : k.operations()) {
      long inv = o.invokeIndex();
      long ret = o.completion() == null ? Long.MAX_VALUE : o.completion().index();
      if (ret < lo || inv > hi) continue;
      int x1 = inv < lo ? 0 : LEFT + rank.get(inv) * STEP;
      boolean indeterminate = o.isIndeterminate();
      int x2 = indeterminate || ret > hi ? endX : LEFT + rank.get(ret) * STEP + STEP / 2;
      int y = TOP + lanes.get(o.process()) * LANE + 2;
      String fill;
      String label = "";
      if (o == blocked) fill = "#e05050";
      else if (prefixPos.containsKey(o)) {
        fill = "#7cc47c";
        label = "#" + prefixPos.get(o);
      } else if (pending.contains(o)) fill = "#f0a040";
      else if (o.isFail()) fill = "#eeeeee";
      else fill = "#b8c4d8";
      String text = o.f() + " " + str(o.value());
      h.append("<g><title>").append(HtmlText.escape(tooltip(o, label))).append("</title><rect x=\"").append(x1).append("\" y=\"").append(y)
          .append("\" width=\"").append(Math.max(4, x2 - x1)).append("\" height=\"").append(LANE - 6)
          .append("\" rx=\"3\" fill=\"").append(fill).append(setters.contains(o) ? "\" stroke=\"#123\" stroke-width=\"3\"" : "\" stroke=\"#555\"")
          .append(indeterminate ? " stroke-dasharray=\"4 3\"" : "").append("/>");
      String shown = (label.isEmpty() ? "" : label + " ") + text;
      int fits = Math.max(0, (x2 - x1 - 6) / 7);
      if (fits > 2) {
        if (shown.length() > fits) shown = shown.substring(0, Math.max(1, fits - 1)) + "…";
        h.append("<text x=\"").append(x1 + 4).append("\" y=\"").append(y + 13).append("\">").append(HtmlText.escape(shown)).append("</text>");
      }
      h.append("</g>\n");
    }
    if (rank.containsKey(failAt)) {
      int fx = LEFT + rank.get(failAt) * STEP + STEP / 2;
      h.append("<line x1=\"").append(fx).append("\" y1=\"14\" x2=\"").append(fx).append("\" y2=\"").append(height - 6)
          .append("\" stroke=\"#d00\" stroke-width=\"2\"/><text x=\"").append(fx + 4).append("\" y=\"14\" fill=\"#d00\">")
          .append("returns here without a place in any order</text>\n");
    }
    h.append("</svg></div></div>\n");
  }

  private static String tooltip(Operation o, String label) {
    StringBuilder t = new StringBuilder();
    if (!label.isEmpty()) t.append(label).append(" in the prefix: ");
    t.append(o.f()).append(' ').append(str(o.invoke().value()));
    if (o.completion() != null) t.append(" → ").append(o.completion().type().wireName()).append(' ').append(str(o.completion().value()));
    else t.append(" → never returned");
    t.append(" (process ").append(Call.processName(o.process())).append(", index ").append(o.invokeIndex());
    if (o.completion() != null) t.append('-').append(o.completion().index());
    return t.append(')').toString();
  }

  private static String swatch(String color, String text) {
    return "<span><i class=\"sw\" style=\"background:" + color + "\"></i>" + HtmlText.escape(text) + "</span>";
  }

  private static String str(Object v) {
    return v == null ? "nil" : v instanceof String s ? '"' + s + '"' : String.valueOf(v);
  }

}
