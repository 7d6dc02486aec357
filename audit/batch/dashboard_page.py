"""The static parts of the dashboard page: style, script and the words in both languages.

Kept apart from the writer so the page can be read (and reviewed for escaping) as a page. The
script builds every element with createElement/textContent and never assigns HTML, so nothing in
a report — a department named `<script>` or a finding quoting markup — can become markup. The
Content-Security-Policy forbids any network access: the page must open on an offline machine.
"""

from __future__ import annotations

WORDS = {
    "zh": {"title": "决算公开批量审核", "reports": "报告", "need": "需退回", "errors": "错误", "warnings": "警告",
           "infos": "提示", "unreadable": "未能检查", "filter": "筛选（部门、文件、规则、原因）",
           "all": "全部结果", "only_need": "只看需退回", "by_rule": "各规则涉及的报告数",
           "by_dept": "各部门的问题数（前 20）", "department": "部门/单位", "year": "年度", "file": "文件",
           "outcome": "结果", "reason": "原因", "figures": "提取数字", "top_rules": "主要规则",
           "kind": "报告类别", "tables": "读取表格", "tables_missing": "未读取的表",
           "none": "无问题", "shown": "显示", "interrupted": "批处理被中断：未检查的报告已列出",
           "o_checked": "已检查", "o_unreadable": "无法读取", "o_timeout": "超时", "o_crashed": "崩溃",
           "o_not_checked": "未检查"},
    "en": {"title": "Final-accounts batch audit", "reports": "reports", "need": "to send back", "errors": "errors",
           "warnings": "warnings", "infos": "infos", "unreadable": "not checked",
           "filter": "filter (department, file, rule, reason)", "all": "all outcomes",
           "only_need": "only those to send back", "by_rule": "reports breaking each rule",
           "by_dept": "findings by department (top 20)", "department": "department", "year": "year",
           "file": "file", "outcome": "outcome", "reason": "reason", "figures": "figures",
           "top_rules": "top rules", "none": "no findings", "shown": "shown",
           "kind": "kind", "tables": "tables read", "tables_missing": "tables not read",
           "interrupted": "batch interrupted: reports not checked are listed",
           "o_checked": "checked", "o_unreadable": "unreadable", "o_timeout": "timeout", "o_crashed": "crashed",
           "o_not_checked": "not checked"},
}

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

STYLE = """
body{font:14px/1.45 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em;margin:0 0 .4em} .cards{display:flex;gap:1em;flex-wrap:wrap;margin:.5em 0 1em}
.card{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;min-width:7em}
.card b{display:block;font-size:1.6em} .err{color:#b00020} .warn{color:#a66a00} .info{color:#666}
.charts{display:flex;gap:2em;flex-wrap:wrap} .chart{flex:1;min-width:320px}
.bar{display:flex;align-items:center;margin:2px 0} .bar span{width:12em;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.bar i{display:inline-block;height:14px;background:#4a78c2;margin:0 .5em} .bar.error i{background:#b00020}
.controls{margin:1em 0;display:flex;gap:1em;flex-wrap:wrap;align-items:center} .controls input[type=search]{width:24em}
table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f6f6f6;position:sticky;top:0} th.asc::after{content:" ▲"} th.desc::after{content:" ▼"}
td.num{text-align:right} tr.bad td:first-child{border-left:3px solid #b00020}
button.toggle{border:0;background:none;cursor:pointer;font-size:1em} tr.detail td{background:#fafafa}
tr.detail li{margin:.2em 0} .where{color:#36c;margin:0 .4em} .banner{background:#fff3cd;padding:.5em 1em}
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("batch-data").textContent);
  var W = data.words, reports = data.reports, findings = data.findings;
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { for (var k in attrs) { e.setAttribute(k, attrs[k]); } }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function outcomeWord(o) { return W["o_" + o] || o; }
  function needsReturn(r) { return r.errors > 0 || r.outcome !== "checked"; }
  var root = document.getElementById("app");
  root.appendChild(el("h1", null, W.title));
  if (data.interrupted) { root.appendChild(el("p", {"class": "banner"}, W.interrupted)); }
  var cards = el("div", {"class": "cards", "id": "cards"});
  function card(label, value, cls) {
    var c = el("div", {"class": "card " + (cls || "")}); c.appendChild(el("b", null, value));
    c.appendChild(document.createTextNode(label)); cards.appendChild(c);
  }
  function sum(key) { return reports.reduce(function (a, r) { return a + (r[key] || 0); }, 0); }
  card(W.reports, reports.length); card(W.need, reports.filter(needsReturn).length, "err");
  card(W.unreadable, reports.filter(function (r) { return r.outcome !== "checked"; }).length, "err");
  card(W.errors, sum("errors"), "err"); card(W.warnings, sum("warnings"), "warn"); card(W.infos, sum("infos"), "info");
  root.appendChild(cards);

  function chart(title, items, id) {
    var box = el("div", {"class": "chart", "id": id}); box.appendChild(el("h2", null, title));
    var max = items.reduce(function (a, it) { return Math.max(a, it.value); }, 1);
    items.forEach(function (it) {
      var row = el("div", {"class": "bar " + (it.cls || ""), "title": it.tip || it.label});
      row.appendChild(el("span", null, it.label));
      var bar = el("i"); bar.style.width = Math.max(2, Math.round(240 * it.value / max)) + "px";
      row.appendChild(bar); row.appendChild(el("b", null, it.value)); box.appendChild(row);
    });
    return box;
  }
  var charts = el("div", {"class": "charts"});
  charts.appendChild(chart(W.by_rule, data.rules.map(function (r) {
    return {label: r.rule + (r.title ? " " + r.title : ""), value: r.reports, cls: r.severity, tip: r.title};
  }), "chart-rules"));
  var byDept = {};
  reports.forEach(function (r) {
    var k = r.department || "—"; byDept[k] = (byDept[k] || 0) + r.errors + r.warnings + r.infos;
  });
  var depts = Object.keys(byDept).map(function (k) { return {label: k, value: byDept[k]}; })
    .filter(function (d) { return d.value > 0; })
    .sort(function (a, b) { return b.value - a.value; }).slice(0, 20);
  charts.appendChild(chart(W.by_dept, depts, "chart-departments"));
  root.appendChild(charts);

  var controls = el("div", {"class": "controls"});
  var search = el("input", {"type": "search", "id": "filter", "placeholder": W.filter});
  var select = el("select", {"id": "outcome"}); select.appendChild(el("option", {"value": ""}, W.all));
  ["checked", "unreadable", "timeout", "crashed", "not_checked"].forEach(function (o) {
    select.appendChild(el("option", {"value": o}, outcomeWord(o)));
  });
  var only = el("input", {"type": "checkbox", "id": "only-need"}); var lab = el("label");
  lab.appendChild(only); lab.appendChild(document.createTextNode(" " + W.only_need));
  var count = el("span", {"id": "shown"});
  [search, select, lab, count].forEach(function (c) { controls.appendChild(c); });
  root.appendChild(controls);

  var cols = [["department", false], ["year", true], ["kind", false], ["file", false], ["outcome", false],
              ["errors", true], ["warnings", true], ["infos", true], ["figures", true], ["tables", true],
              ["top_rules", false], ["reason", false]];
  var table = el("table", {"id": "reports"}); var thead = el("thead"); var hr = el("tr");
  hr.appendChild(el("th"));
  var sortKey = null, sortDir = 1;
  cols.forEach(function (c) {
    var th = el("th", {"data-key": c[0]}, W[c[0]] || c[0]);
    th.addEventListener("click", function () {
      sortDir = sortKey === c[0] ? -sortDir : (c[1] ? -1 : 1); sortKey = c[0];
      Array.prototype.forEach.call(hr.children, function (h) { h.className = ""; });
      th.className = sortDir > 0 ? "asc" : "desc"; render();
    });
    hr.appendChild(th);
  });
  thead.appendChild(hr); table.appendChild(thead);
  var tbody = el("tbody"); table.appendChild(tbody); root.appendChild(table);

  function detail(r) {
    var tr = el("tr", {"class": "detail"}); var td = el("td", {"colspan": String(cols.length + 1)});
    var list = findings[String(r.index)] || [];
    if (r.reason) { td.appendChild(el("p", {"class": "err"}, r.reason)); }
    if (!list.length && !r.reason) { td.appendChild(el("p", null, W.none)); }
    var ul = el("ul");
    list.forEach(function (f) {
      var li = el("li"); var cls = f.severity === "error" ? "err" : f.severity === "warning" ? "warn" : "info";
      li.appendChild(el("b", {"class": cls}, f.rule)); li.appendChild(el("span", {"class": "where"}, f.where || ""));
      li.appendChild(el("span", null, f.message));
      if (f.suggestion) { li.appendChild(el("em", null, " → " + f.suggestion.replace + " ⇒ " + f.suggestion["with"])); }
      ul.appendChild(li);
    });
    td.appendChild(ul); tr.appendChild(td); return tr;
  }
  function matches(r, q) {
    if (!q) { return true; }
    var hay = [r.department, r.file, r.top_rules, r.reason, r.year, r.kind].join(" ").toLowerCase();
    return hay.indexOf(q) >= 0;
  }
  function render() {
    var q = search.value.trim().toLowerCase(), o = select.value, need = only.checked;
    var rows = reports.filter(function (r) {
      return matches(r, q) && (!o || r.outcome === o) && (!need || needsReturn(r));
    });
    if (sortKey) {
      rows = rows.slice().sort(function (a, b) {
        var x = a[sortKey], y = b[sortKey];
        if (x === y) { return 0; } if (x === null || x === undefined) { return 1; }
        if (y === null || y === undefined) { return -1; }
        return (x < y ? -1 : 1) * sortDir;
      });
    }
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    rows.forEach(function (r) {
      var tr = el("tr", {"data-index": String(r.index), "class": needsReturn(r) ? "bad" : ""});
      var btn = el("button", {"class": "toggle", "type": "button", "aria-expanded": "false"}, "▸");
      var first = el("td"); first.appendChild(btn); tr.appendChild(first);
      cols.forEach(function (c) {
        var v = c[0] === "outcome" ? outcomeWord(r.outcome) : r[c[0]];
        var attrs = c[1] ? {"class": "num"} : {};
        // The tables not read, on hover over "7/9".
        if (c[0] === "tables" && r.tables_missing) { attrs.title = W.tables_missing + ": " + r.tables_missing; }
        tr.appendChild(el("td", attrs, v === null || v === undefined ? "" : v));
      });
      var open = null;
      btn.addEventListener("click", function () {
        if (open) { tbody.removeChild(open); open = null; btn.textContent = "▸"; btn.setAttribute("aria-expanded", "false"); }
        else { open = detail(r); tr.parentNode.insertBefore(open, tr.nextSibling); btn.textContent = "▾";
               btn.setAttribute("aria-expanded", "true"); }
      });
      tbody.appendChild(tr);
    });
    count.textContent = W.shown + " " + rows.length + " / " + reports.length;
  }
  search.addEventListener("input", render); select.addEventListener("change", render);
  only.addEventListener("change", render);
  render();
})();
"""
