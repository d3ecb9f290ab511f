"""HTML: one self-contained page a sales manager opens in a browser — counts by grade and
fraud, a chart of the grades, the suspected frauds with their signals, and a sortable,
filterable table of every thread (customer, subject, grade, key fields, reasons).

No network, no external files: styles, script and data are inside the page.
"""
from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any, TextIO

from ..mail.message import ErrorRecord
from ..result import ThreadResult

GRADE_NAMES = {1: "customer", 2: "strong intent", 3: "clear intent", 4: "no clear intent"}
GRADE_COLOURS = {1: "#1b7f3b", 2: "#3d7cc9", 3: "#c99a2e", 4: "#8a8f98"}


def row(r: ThreadResult) -> dict[str, Any]:
    """The table's view of a thread (also what the page's script sorts and filters)."""
    f = r.fields
    key: list[str] = []
    if f.products:
        key.append("products: " + ", ".join(f.products[:4]))
    if f.quantities:
        key.append("qty: " + ", ".join(q.get("text") or f"{q['value']} {q['unit']}" for q in f.quantities[:4]))
    if f.deadline:
        key.append("deadline: " + (f.deadline.get("date") or f.deadline.get("text") or ""))
    if f.prices:
        key.append("prices: " + ", ".join(p.get("text") or f"{p['amount']} {p['currency']}" for p in f.prices[:3]))
    contact = [*(f.phones[:2]), *(f"{i['type']}:{i['id']}" for i in f.im[:2])]
    if contact:
        key.append("contact: " + ", ".join(contact))
    who = r.customer_name or ""
    if r.customer_address:
        who = f"{who} <{r.customer_address}>" if who else r.customer_address
    return {
        "id": r.thread_id,
        "customer": who,
        "company": f.company or "",
        "subject": r.subject,
        "grade": r.grade,
        "fraud": bool(r.fraud.suspected),
        "score": r.fraud.score,
        "lang": r.lang or "",
        "messages": len(r.message_ids),
        "fields": "; ".join(key),
        "signals": ", ".join(h.code for h in [*r.fraud.signals, *r.signals]),
        "reasons": r.reasons[:3],
    }


def _chart(counts: Counter, total: int) -> str:
    """A horizontal bar per grade, as inline SVG."""
    width, bar_h, gap, label_w = 520, 26, 10, 150
    height = 4 * (bar_h + gap)
    biggest = max(counts.values(), default=0) or 1
    bars = []
    for i, g in enumerate((1, 2, 3, 4)):
        n = counts.get(g, 0)
        y = i * (bar_h + gap)
        w = round((width - label_w - 60) * n / biggest)
        pct = f"{100 * n / total:.0f}%" if total else "0%"
        bars.append(
            f'<text x="0" y="{y + bar_h * 0.7:.0f}" class="lbl">grade {g} · {GRADE_NAMES[g]}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{GRADE_COLOURS[g]}" rx="3">'
            f'<title>grade {g}: {n} threads</title></rect>'
            f'<text x="{label_w + w + 6}" y="{y + bar_h * 0.7:.0f}" class="num">{n} ({pct})</text>')
    return (f'<svg id="grade-chart" role="img" aria-label="threads by grade" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">{"".join(bars)}</svg>')


def _script_json(value: Any) -> str:
    # Inside <script>, "</" could end the element: escape it (and the HTML comment opener).
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def write_html(records: Iterable[ThreadResult | ErrorRecord], out: TextIO) -> int:
    """Write the page; returns the number of records it holds."""
    threads: list[ThreadResult] = []
    errors: list[ErrorRecord] = []
    for r in records:
        (threads if isinstance(r, ThreadResult) else errors).append(r)  # type: ignore[arg-type]
    rows = [row(t) for t in threads]
    grades = Counter(t.grade for t in threads)
    frauds = [t for t in threads if t.fraud.suspected]
    esc = html.escape
    fraud_items = "".join(
        f"<li><b>{esc(t.subject or '(no subject)')}</b> — {esc(t.customer_address or '?')}"
        f" <span class=score>score {t.fraud.score if t.fraud.score is not None else '-'}</span><ul>"
        + "".join(f"<li><code>{esc(h.code)}</code>: {esc(h.evidence[:160])}</li>" for h in t.fraud.signals)
        + ("" if t.fraud.signals else "<li>no single signal: the model's fraud score</li>")
        + "</ul></li>"
        for t in sorted(frauds, key=lambda t: -(t.fraud.score or 0)))
    error_items = "".join(f"<li><code>{esc(e.kind)}</code> {esc(e.source)} #{e.index}: {esc(e.detail)}</li>"
                          for e in errors)
    cards = "".join(
        f'<div class="card g{g}"><div class="n">{grades.get(g, 0)}</div><div>grade {g}<br>{GRADE_NAMES[g]}</div></div>'
        for g in (1, 2, 3, 4))
    cards += (f'<div class="card fraud"><div class="n">{len(frauds)}</div><div>suspected<br>fraud</div></div>'
              f'<div class="card err"><div class="n">{len(errors)}</div><div>unreadable<br>messages</div></div>')
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out.write(_PAGE.format(
        made=made, total=len(threads), cards=cards, chart=_chart(grades, len(threads)),
        fraud_section=(f"<ol id=fraud-list>{fraud_items}</ol>" if frauds else "<p>None.</p>"),
        error_section=(f"<h2>Unreadable messages ({len(errors)})</h2><ul id=errors>{error_items}</ul>"
                       if errors else ""),
        data=_script_json(rows)))
    return len(threads) + len(errors)


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>inquiry-nlp report</title>
<style>
body{{font:14px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#1d2330}}
h1{{font-size:22px;margin:0 0 4px}} h2{{font-size:17px;margin:28px 0 8px}} .muted{{color:#667}}
.cards{{display:flex;gap:10px;flex-wrap:wrap;margin:14px 0}}
.card{{border-radius:8px;padding:10px 14px;min-width:110px;color:#fff;display:flex;gap:10px;align-items:center}}
.card .n{{font-size:26px;font-weight:700}} .g1{{background:#1b7f3b}} .g2{{background:#3d7cc9}}
.g3{{background:#c99a2e}} .g4{{background:#8a8f98}} .fraud{{background:#b3261e}} .err{{background:#555}}
svg .lbl,svg .num{{font-size:13px;fill:#1d2330}}
#fraud-list li{{margin:4px 0}} .score{{color:#b3261e}}
.controls{{display:flex;gap:10px;flex-wrap:wrap;align-items:center;margin:8px 0}}
input[type=search]{{padding:5px 8px;min-width:260px}}
table{{border-collapse:collapse;width:100%}} th,td{{border-bottom:1px solid #e3e6ea;padding:6px 8px;text-align:left;vertical-align:top}}
th{{cursor:pointer;background:#f4f6f8;position:sticky;top:0;user-select:none;white-space:nowrap}}
th[aria-sort=ascending]::after{{content:" ▲"}} th[aria-sort=descending]::after{{content:" ▼"}}
td.grade{{font-weight:700;text-align:center}} tr.isfraud td{{background:#fdf0ef}}
td.small{{font-size:12px;color:#445}} .pill{{display:inline-block;border-radius:9px;padding:0 7px;color:#fff;font-size:12px}}
</style></head><body>
<h1>Inquiry report</h1>
<div class="muted">{total} threads · made {made} by inquiry-nlp</div>
<div class="cards">{cards}</div>
<h2>Threads by grade</h2>
{chart}
<h2>Suspected fraud</h2>
{fraud_section}
{error_section}
<h2>All threads</h2>
<div class="controls">
<input type="search" id="filter" placeholder="filter: customer, subject, fields, signals…" aria-label="filter">
<label>grade <select id="grade-filter"><option value="">all</option><option>1</option><option>2</option><option>3</option><option>4</option></select></label>
<label><input type="checkbox" id="fraud-only"> suspected fraud only</label>
<span id="shown" class="muted"></span>
</div>
<table id="threads"><thead><tr>
<th data-key="grade">grade</th><th data-key="fraud">fraud</th><th data-key="customer">customer</th>
<th data-key="company">company</th><th data-key="subject">subject</th><th data-key="messages">msgs</th>
<th data-key="fields">key fields</th><th data-key="reasons">reasons</th>
</tr></thead><tbody></tbody></table>
<script id="data" type="application/json">{data}</script>
<script>
(function(){{
  var rows = JSON.parse(document.getElementById("data").textContent);
  var body = document.querySelector("#threads tbody");
  var sortKey = null, sortDir = 1;
  var colours = {{1:"#1b7f3b",2:"#3d7cc9",3:"#c99a2e",4:"#8a8f98"}};
  function text(v){{ return v == null ? "" : (Array.isArray(v) ? v.join(" | ") : String(v)); }}
  function cell(tr, v, cls){{ var td = document.createElement("td"); td.textContent = v; if (cls) td.className = cls; tr.appendChild(td); return td; }}
  function render(){{
    var q = document.getElementById("filter").value.toLowerCase();
    var g = document.getElementById("grade-filter").value;
    var fo = document.getElementById("fraud-only").checked;
    var list = rows.filter(function(r){{
      if (g && String(r.grade) !== g) return false;
      if (fo && !r.fraud) return false;
      if (!q) return true;
      return [r.customer, r.company, r.subject, r.fields, r.signals, text(r.reasons)].join(" ").toLowerCase().indexOf(q) >= 0;
    }});
    if (sortKey) list.sort(function(a, b){{
      var x = a[sortKey], y = b[sortKey];
      if (typeof x === "number" || typeof x === "boolean") return ((x > y) - (x < y)) * sortDir;
      return text(x).localeCompare(text(y)) * sortDir;
    }});
    body.textContent = "";
    list.forEach(function(r){{
      var tr = document.createElement("tr");
      tr.dataset.id = r.id;
      if (r.fraud) tr.className = "isfraud";
      var td = cell(tr, "", "grade");
      var pill = document.createElement("span"); pill.className = "pill"; pill.textContent = r.grade;
      pill.style.background = colours[r.grade] || "#555"; td.appendChild(pill);
      cell(tr, r.fraud ? "YES" : "no");
      cell(tr, r.customer); cell(tr, r.company); cell(tr, r.subject); cell(tr, r.messages);
      cell(tr, r.fields, "small"); cell(tr, text(r.reasons), "small");
      body.appendChild(tr);
    }});
    document.getElementById("shown").textContent = list.length + " of " + rows.length + " shown";
  }}
  document.querySelectorAll("#threads th").forEach(function(th){{
    th.addEventListener("click", function(){{
      var k = th.dataset.key;
      sortDir = (sortKey === k) ? -sortDir : 1; sortKey = k;
      document.querySelectorAll("#threads th").forEach(function(o){{ o.removeAttribute("aria-sort"); }});
      th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      render();
    }});
  }});
  ["filter", "grade-filter", "fraud-only"].forEach(function(id){{
    document.getElementById(id).addEventListener("input", render);
    document.getElementById(id).addEventListener("change", render);
  }});
  render();
}})();
</script>
</body></html>
"""
