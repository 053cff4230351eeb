package io.quorumlab.results.report;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.html.HtmlText;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunResults;
import io.quorumlab.results.ops.ClientOp;
import io.quorumlab.results.ops.ClientOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's message diagram of a small simulated run (messages.jsonl): every message between the
 * clients' processes and the nodes, the faults, and the operations the checkers blame. Gossip is
 * drawn only when asked for (a checkbox: the page holds a drawing without it and one with it, each
 * on a time axis of its own); zoom buttons stretch or squeeze the time axis. Works offline, without
 * script too (all but the zoom).
 */
final class MessageDiagram {
  /** Beyond this many messages the page would be too heavy to scroll; messages.jsonl still has them all. */
  static final int MAX_MESSAGES = 20_000;
  /** Message types in the order the legend lists them, with what it calls them. */
  private static final Map<String, String> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("client-request", "client request");
    TYPES.put("client-reply", "client reply");
    TYPES.put("forward", "forward");
    TYPES.put("forward-reply", "forwarded reply");
    TYPES.put("replica-read", "replica read");
    TYPES.put("replica-read-ack", "read ack");
    TYPES.put("replica-write", "replica write");
    TYPES.put("replica-write-ack", "write ack");
    TYPES.put("read-repair", "read repair");
    TYPES.put("read-repair-ack", "repair ack");
    TYPES.put("hint", "hint");
    TYPES.put("hint-ack", "hint ack");
    TYPES.put("anti-entropy", "anti-entropy");
    TYPES.put("transfer", "transfer");
    TYPES.put("gossip", "gossip");
    TYPES.put("other", "other");
  }

  private MessageDiagram() {}

  /** The "Messages" section of a simulated run's report ("" for other runs). */
  static String section(Path runDir, RunResults r, History history) {
    if (!r.info().simulatedTime()) return "";
    StringBuilder b = new StringBuilder("<section id=\"messages\"><h2>Messages</h2>");
    Path file = runDir.resolve(RunDirectory.MESSAGES);
    if (!Files.exists(file)) {
      b.append("<p class=\"muted\">No message diagram: a simulated run logs every message (").append(RunDirectory.MESSAGES)
          .append(") only while its clients send at most a few hundred requests (<code>run --diagram-limit</code>), and this run ")
          .append("sent more, or logged none. A shrunk run (<code>quorumlab shrink</code>) is always small enough.</p>");
    } else {
      try {
        MessageTrace trace = MessageTrace.read(file);
        if (trace.messages.size() > MAX_MESSAGES) {
          b.append("<p class=\"muted\">").append(Html.count(trace.messages.size())).append(" messages are more than a diagram can show (")
              .append(Html.count(MAX_MESSAGES)).append(" at most); they are all in ").append(RunDirectory.MESSAGES).append(".</p>");
        } else {
          b.append(render(trace, r, history));
        }
      } catch (IOException | RuntimeException e) {
        b.append("<p class=\"muted\">No message diagram: ").append(RunDirectory.MESSAGES).append(" could not be read (")
            .append(HtmlText.escape(e.getMessage())).append(").</p>");
      }
    }
    return b.append("</section>\n").toString();
  }

  static String render(MessageTrace trace, RunResults r, History history) {
    List<ClientOp> ops = ClientOps.of(history);
    DiagramLanes lanes = new DiagramLanes(trace, ops);
    Map<ClientOp, Set<AnomalyOps.Blame>> blamed = blamed(ops, AnomalyOps.of(r.checks()));
    DiagramSvg svg = new DiagramSvg(trace, lanes, ops, blamed, r.metrics().faults());
    long gossip = trace.messages.stream().filter(MessageTrace.Message::gossip).count();
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"md-caption\">").append(HtmlText.escape(caption(trace, gossip, blamed.size()))).append("</p>");
    b.append("<input type=\"checkbox\" id=\"md-gossip\" class=\"md-toggle\"><label for=\"md-gossip\" class=\"md-toggle-l\">show gossip (")
        .append(Html.count(gossip)).append(" messages)</label>")
        .append("<span class=\"md-zoom\">time axis <button type=\"button\" onclick=\"mdZoom(0.5)\" title=\"squeeze the time axis\">\u2212</button>")
        .append("<button type=\"button\" onclick=\"mdZoom(2)\" title=\"stretch the time axis\">+</button>")
        .append("<button type=\"button\" onclick=\"mdZoom(0)\" title=\"back to the first scale\">1:1</button></span>");
    b.append("<div class=\"md-view md-plain\">").append(svg.render("md-a", false)).append("</div>");
    b.append("<div class=\"md-view md-with-gossip\">").append(svg.render("md-b", true)).append("</div>");
    b.append(legend(trace));
    b.append("<script>").append(ZOOM).append("</script>");
    return b.toString();
  }

  /** Each blamed op index resolved to its operation (a checker may name the invocation or the completion). */
  private static Map<ClientOp, Set<AnomalyOps.Blame>> blamed(List<ClientOp> ops, Map<Long, Set<AnomalyOps.Blame>> byIndex) {
    Map<Long, ClientOp> byOpIndex = new HashMap<>();
    for (ClientOp o : ops) {
      byOpIndex.put(o.invoke().index(), o);
      Op c = o.completion();
      if (c != null) byOpIndex.put(c.index(), o);
    }
    Map<ClientOp, Set<AnomalyOps.Blame>> out = new IdentityHashMap<>();
    byIndex.forEach((index, blames) -> {
      ClientOp o = byOpIndex.get(index);
      if (o != null) out.computeIfAbsent(o, k -> new LinkedHashSet<>()).addAll(blames);
    });
    return out;
  }

  private static String caption(MessageTrace trace, long gossip, int blamed) {
    long dropped = trace.messages.stream().filter(MessageTrace.Message::dropped).count();
    long delayed = trace.messages.stream().filter(MessageTrace.Message::delayed).count();
    long inFlight = trace.messages.stream().filter(MessageTrace.Message::inFlight).count();
    return trace.messages.size() + " messages (" + gossip + " of them gossip, hidden unless shown), " + dropped + " dropped, " + delayed
        + " delayed, " + inFlight + " still in flight at the end; " + (blamed == 0 ? "no operation blamed by a checker. "
        : blamed + (blamed == 1 ? " operation" : " operations") + " blamed by the checkers, outlined in red with their messages drawn thick. ")
        + "One lane per client process and per node; time runs left to right, each instant at which something happened in order, "
        + "the gap between two growing with the logarithm of the time between them (long gaps are marked with their length). "
        + "Hover over an arrow for what the message carried, over a bar for the operation. A node's messages to itself never "
        + "cross the network and are not drawn.";
  }

  private static String legend(MessageTrace trace) {
    Set<String> present = new LinkedHashSet<>();
    for (MessageTrace.Message m : trace.messages) present.add(m.type());
    StringBuilder b = new StringBuilder("<div class=\"md-legend\">");
    for (Map.Entry<String, String> e : TYPES.entrySet()) {
      if (!present.contains(e.getKey())) continue;
      b.append("<span class=\"key\"><svg width=\"26\" height=\"10\"><line class=\"md-m t-").append(e.getKey())
          .append("\" x1=\"1\" y1=\"5\" x2=\"25\" y2=\"5\"/></svg>").append(HtmlText.escape(e.getValue())).append("</span>");
    }
    b.append("<span class=\"key\"><span class=\"md-x\">\u2715</span> dropped</span>")
        .append("<span class=\"key\"><svg width=\"26\" height=\"10\"><line class=\"md-m md-delayed\" x1=\"1\" y1=\"5\" x2=\"25\" y2=\"5\"/></svg>delayed (slow link, paused receiver)</span>")
        .append("<span class=\"key\"><svg width=\"26\" height=\"10\"><line class=\"md-m md-inflight\" x1=\"1\" y1=\"5\" x2=\"25\" y2=\"5\"/></svg>in flight at the end</span>")
        .append("<span class=\"key\"><span class=\"md-swatch md-culprit-s\"></span>blamed operation</span>")
        .append("<span class=\"key\"><span class=\"md-swatch md-fault-s\"></span>fault in force</span>");
    return b.append("</div>").toString();
  }

  /**
   * Multiplies every horizontal coordinate of both drawings (the bars, arrows and labels are placed
   * by x alone), then shows the axis labels that fit at the new scale.
   */
  private static final String ZOOM = "function mdZoom(f){document.querySelectorAll('svg.md-svg').forEach(function(s){"
      + "var z=+s.getAttribute('data-z'),n=f?Math.max(1/64,Math.min(64,z*f)):1,r=n/z;"
      + "s.querySelectorAll('line').forEach(function(e){e.setAttribute('x1',e.getAttribute('x1')*r);e.setAttribute('x2',e.getAttribute('x2')*r);});"
      + "s.querySelectorAll('rect,text').forEach(function(e){e.setAttribute('x',e.getAttribute('x')*r);"
      + "if(e.hasAttribute('width'))e.setAttribute('width',e.getAttribute('width')*r);});"
      + "s.setAttribute('width',s.getAttribute('width')*r);s.setAttribute('data-z',n);"
      + "[['g.md-tl'," + DiagramSvg.LABEL_SPACING + "],['g.md-gl'," + DiagramSvg.GAP_LABEL_SPACING + "]].forEach(function(p){var last=-1e9;"
      + "s.querySelectorAll(p[0]).forEach(function(g){var x=+g.querySelector('text').getAttribute('x'),show=x-last>=p[1];"
      + "g.style.display=show?'':'none';if(show)last=x;});});});}";
}
