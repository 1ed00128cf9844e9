/*
 * The report's one stylesheet and one script, inlined into the page: no request leaves it. Light and dark by
 * the reader's setting, a phone layout where only wide tables scroll (inside their own box), and print styles.
 */

export const CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--accent:#0969da;--alert:#cf222e;--warn-bg:#fff8c5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--accent:#4493f8;--alert:#f85149;--warn-bg:#272115}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:1120px;margin:0 auto;padding:0 16px}
h1{font-size:1.6rem;margin:24px 0 4px;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:40px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:0 0 4px}
a{color:var(--accent)}
code{font-size:.9em;background:var(--panel);padding:0 2px;border-radius:3px}
.meta,.note,.muted,.sub{color:var(--muted)}
.meta{margin:4px 0;overflow-wrap:anywhere}
.lead{margin:4px 0 12px;max-width:72ch}
.note{font-size:.875rem;margin:6px 0;max-width:80ch}
.note.warn{color:var(--fg);background:var(--warn-bg);border-radius:4px;padding:6px 10px}
.ext{overflow-wrap:break-word}
/* names and titles wrap rather than push a table past its column; a wide table still scrolls in its own box */
td.ext{overflow-wrap:anywhere;min-width:6rem}
tbody th[scope=row]{overflow-wrap:anywhere;min-width:12rem}
li.ext,p .ext{overflow-wrap:anywhere}
nav.toc{margin:12px 0 0}
details.toc-fold{margin:8px 0 0;font-size:.875rem}
nav.toc ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.875rem}
.headline{font-size:1.15rem;font-weight:600;background:var(--panel);border-left:4px solid var(--accent);border-radius:4px;padding:10px 14px;margin:20px 0 12px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,165px),1fr));gap:10px;margin:12px 0 16px}
.tile{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 12px;min-width:0}
.tile.alert{border-left:4px solid var(--alert)}
.tile .label{display:flex;justify-content:space-between;align-items:flex-start;gap:2px 6px;flex-wrap:wrap;color:var(--muted);font-size:.8rem;line-height:1.3}
/* a band is written in words ("DORA 2024: high cluster, between one day and one week"): it wraps under the label on a
   narrow tile, its corners rounded little enough that a wrapped first line is not cut */
.tile .label .band{flex:0 1 auto;min-width:0;margin:0;overflow-wrap:anywhere}
.tile b{font-size:1.45rem;line-height:1.3;font-variant-numeric:tabular-nums}
.tile .sub{display:block;font-size:.8rem;line-height:1.35;margin-top:2px}
/* over several repositories, how they lie against the clusters: under the value, which stays on the first screen */
.tile .placed{margin-top:6px;font-size:.75rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,400px),1fr));gap:8px 32px;align-items:start}
.charts>*{min-width:0}
/* the first screen: the share bar beside the stages table, which takes the wider part */
.charts.split{grid-template-columns:minmax(0,1fr) minmax(0,2fr)}
@media (max-width:860px){.charts.split{grid-template-columns:minmax(0,1fr)}}
.narrow-only{display:none}
/* on a phone a table of figures (the DORA keys, the previous period) wraps its names in less room: its values and
   the change against before fit the screen, where a 12rem name column pushed them out of view */
@media (max-width:600px){.wide-only{display:none}.narrow-only{display:block}table.figures tbody th[scope=row]{min-width:7rem}.charts.split tbody th[scope=row]{min-width:0}}
figure{margin:14px 0;min-width:0}
figcaption{font-weight:600;margin-bottom:6px}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
/* a shadow at an edge with more table beyond it (the covers move with the content, the shadows stay) */
.scroll{background:linear-gradient(to right,var(--bg) 30%,transparent) left/40px 100% no-repeat local,linear-gradient(to left,var(--bg) 30%,transparent) right/40px 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(128,128,128,.35),transparent) left/12px 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(128,128,128,.35),transparent) right/12px 100% no-repeat scroll}
.scroll:focus-visible{outline:2px solid var(--accent)}
svg.chart{display:block;max-width:100%;height:auto;color:var(--fg);font-family:inherit}
svg.chart text:not([fill]){fill:currentColor}
svg.chart text.muted,svg.chart text.value{fill:var(--muted)}
svg.chart .grid{stroke:var(--line);stroke-width:1}
svg.chart .gap{fill:var(--line);fill-opacity:.45}
table{border-collapse:collapse;min-width:min(100%,40rem);font-size:.875rem}
#changes-table{width:100%}
/* on a desktop the change list, a dozen columns, takes the page's margins too, and its titles wrap sooner: at 1280 px
   its lead time, size and flags were past the edge */
@media (min-width:1152px){#changes .scroll{max-width:none;margin-inline:calc((1088px - min(100vw - 32px, 1400px)) / 2)}#changes td.title{min-width:12rem}}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
/* a long head wraps where its table would be wider than the page (the queues' seven were); a phone keeps numbers' heads
   on one line, where they would stack word by word */
thead th{border-bottom:2px solid var(--line)}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
td.title{min-width:16rem}
/* what a difference tells, beside two rates that keep to one line: at 390 px it had 80 px and wrapped word by word */
td.told{min-width:12rem}
td.id{white-space:nowrap}
tr.total th,tr.total td{font-weight:600}
tr.not-counted td{color:var(--muted)}
tr.failed td{background:rgba(207,34,46,.08)}
td.growing{color:var(--alert);font-weight:600}
.date{white-space:nowrap}
td .repo{display:block;max-width:12rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;color:var(--muted);font-size:.8125rem}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.band{display:inline-block;padding:2px 8px;margin-left:6px;border-radius:6px;font-size:.75rem;line-height:1.35;font-weight:600;color:#fff;vertical-align:middle}
.band-elite{background:#1a7f37}.band-high{background:#0969da}.band-medium{background:#9a6700}.band-low{background:#cf222e}.band-none{background:#57606a}
.recs{list-style:none;padding:0;margin:0;display:grid;gap:12px}
.rec{border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.rec p{margin:4px 0}
.rec .measured{color:var(--muted)}
.rec-body{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,300px),1fr));gap:8px 20px}
.whatif{background:var(--panel);border-left:4px solid var(--accent);border-radius:4px;padding:8px 12px;font-size:.925rem;align-self:start}
.table-tools{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:8px 0}
.table-tools input{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);width:19rem;max-width:100%}
.pager{display:inline-flex;gap:8px;align-items:center}
.pager button{font:inherit;padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--fg);cursor:pointer}
.pager button:disabled{opacity:.45;cursor:default}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
th button:focus-visible,.pager button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
details summary{cursor:pointer;margin:8px 0}
footer{margin-top:40px;padding-bottom:24px}
@media (max-width:600px){body{font-size:14px}h1{font-size:1.3rem}header,main,footer{padding:0 10px}.tile b{font-size:1.25rem}th,td{padding:4px 6px}thead th{white-space:normal}thead th.num{white-space:nowrap}.tiles{gap:8px}}
@media print{
:root{--fg:#000;--muted:#444;--bg:#fff;--panel:#f3f3f3;--line:#bbb;--accent:#000;--alert:#000}
body{font-size:10pt}
header,main,footer{max-width:none;padding:0}
nav.toc,.table-tools,noscript{display:none}
.scroll{overflow:visible}
svg.chart{max-height:90mm;width:auto}
figure,.tile,.rec,tr,.headline{break-inside:avoid}
h2,h3,figcaption{break-after:avoid}
table{font-size:8pt}
th[aria-sort] button::after{content:""}
a{color:inherit;text-decoration:none}
.band{color:#000;border:1px solid #000;background:none}
}
`;

// reads the rows already in the page, moves and hides them, and writes plain text: no markup is built from strings
export const SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('changes-table');
  if (!table || !table.tBodies[0]) return;
  var body = table.tBodies[0];
  var size = Number(table.getAttribute('data-page-size')) || 50;
  // a phone shows fewer rows a page: each is several lines tall there
  if (window.matchMedia && window.matchMedia('(max-width: 600px)').matches) size = Math.min(size, 20);
  var order = Array.prototype.slice.call(body.rows);
  var text = new Map(order.map(function (row) { return [row, row.textContent.toLowerCase()]; }));
  var search = document.getElementById('changes-search');
  var prev = document.getElementById('changes-prev');
  var next = document.getElementById('changes-next');
  var status = document.getElementById('changes-status');
  var tools = document.getElementById('changes-tools');
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  var page = 0;
  var query = '';

  function show() {
    var list = query ? order.filter(function (row) { return text.get(row).indexOf(query) >= 0; }) : order;
    var pages = Math.max(1, Math.ceil(list.length / size));
    if (page >= pages) page = pages - 1;
    var from = page * size;
    var to = Math.min(list.length, from + size);
    var visible = new Set(list.slice(from, to));
    order.forEach(function (row) { row.hidden = !visible.has(row); });
    if (status) status.textContent = list.length === 0 ? 'no change matches' : (from + 1) + '–' + to + ' of ' + list.length + (query ? ' matching' : '');
    if (prev) prev.disabled = page === 0;
    if (next) next.disabled = to >= list.length;
  }

  function key(row, column, numeric) {
    var cell = row.cells[column];
    if (!cell) return null;
    var raw = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent.trim();
    if (raw === '' || raw === '—') return null;
    return numeric ? Number(raw) : raw;
  }

  function sortBy(th, column) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentNode.cells, function (cell) { cell.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = th.getAttribute('data-type') === 'number';
    var keyed = order.map(function (row, index) { return { row: row, index: index, key: key(row, column, numeric) }; });
    keyed.sort(function (a, b) {
      if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
      var c = numeric ? a.key - b.key : collator.compare(a.key, b.key);
      return (ascending ? c : -c) || a.index - b.index;
    });
    order = keyed.map(function (k) { return k.row; });
    order.forEach(function (row) { body.appendChild(row); });
    page = 0;
    show();
  }

  var head = table.tHead && table.tHead.rows[0];
  if (head) Array.prototype.forEach.call(head.cells, function (th, column) {
    var button = th.querySelector('button');
    if (button) button.addEventListener('click', function () { sortBy(th, column); });
  });
  if (search) search.addEventListener('input', function () { query = search.value.trim().toLowerCase(); page = 0; show(); });
  if (prev) prev.addEventListener('click', function () { page -= 1; show(); });
  if (next) next.addEventListener('click', function () { page += 1; show(); });
  if (tools) tools.hidden = false;
  show();
})();
`;
