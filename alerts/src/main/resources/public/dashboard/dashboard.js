// Flashpoint dashboard: alerts arrive over SSE (the browser resumes with Last-Event-ID on reconnect); the tension
// timeline, incidents and progress are polled. Every value from the server is written with textContent, never as HTML.
'use strict';

const POLL_MS = 2000;
const notices = new Map();     // alert id -> latest notice
const history = [];            // every notice, for the timeline's markers
let shownDyad = null;
let chart = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function when(iso) {
  return iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '';
}

function safeLink(url, text) {
  if (!/^https?:\/\//i.test(url || '')) return el('span', null, text);
  const a = el('a', null, text);
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function quote(evidence) {
  const block = el('blockquote');
  block.append(el('span', null, '“' + evidence.quote + '” '));
  block.append(safeLink(evidence.url, evidence.source || evidence.articleId));
  return block;
}

// Several incidents of one alert often cite the same sentence; show each quote once.
function distinctQuotes(evidence, limit) {
  const seen = new Set();
  return evidence.filter((e) => !seen.has(e.quote) && seen.add(e.quote)).slice(0, limit);
}

// Ticks on UTC midnights, at most about eight, whatever the range.
function dayTicks(axis) {
  const day = 864e5;
  const step = Math.max(1, Math.ceil((axis.max - axis.min) / day / 8)) * day;
  const ticks = [];
  for (let v = Math.ceil(axis.min / day) * day; v <= axis.max; v += step) ticks.push({ value: v });
  axis.ticks = ticks;
}

function connect() {
  const status = document.getElementById('connection');
  const source = new EventSource('/api/v1/alerts/stream');
  source.onopen = () => { status.textContent = 'live'; status.className = 'connection live'; };
  source.onerror = () => { status.textContent = 'reconnecting…'; status.className = 'connection lost'; };
  source.onmessage = (event) => {
    if (!event.data) return; // keep-alive comments carry no notice
    const notice = JSON.parse(event.data);
    status.textContent = 'live';
    status.className = 'connection live';
    const previous = notices.get(notice.data.alertId);
    if (!previous || previous.data.sequence <= notice.data.sequence) notices.set(notice.data.alertId, notice);
    history.push(notice);
    renderAlerts();
    renderChartMarkers();
  };
}

function renderAlerts() {
  const list = document.getElementById('alerts');
  const sorted = [...notices.values()].sort((a, b) => (b.data.updatedAt || '').localeCompare(a.data.updatedAt || ''));
  list.replaceChildren(...sorted.map(alertCard));
  document.getElementById('no-alerts').hidden = sorted.length > 0;
}

function alertCard(notice) {
  const a = notice.data;
  const state = a.state.toLowerCase();
  const severity = (a.severity || 'INFO').toLowerCase();
  const card = el('li', 'alert-card ' + (state === 'resolved' ? 'resolved' : severity));
  card.dataset.alertId = a.alertId;
  const head = el('div', 'alert-head');
  head.append(el('span', 'badge ' + (state === 'resolved' ? 'resolved' : severity), a.severity || 'INFO'),
    el('span', 'badge ' + (state === 'resolved' ? 'resolved' : ''), a.state),
    el('span', 'dyad-name', a.dyad.join('–')),
    el('span', 'meta', a.rule));
  card.append(head, el('div', null, a.summary));
  card.append(el('div', 'meta', 'since ' + when(a.startsAt) + ' · updated ' + when(a.updatedAt)
    + (a.endsAt ? ' · ended ' + when(a.endsAt) : '')));
  distinctQuotes((a.incidents || []).flatMap((i) => i.evidence || []), 2).forEach((e) => card.append(quote(e)));
  card.addEventListener('click', () => selectDyad(a.dyad.join('-')));
  return card;
}

function selectDyad(dyad) {
  shownDyad = dyad;
  document.getElementById('dyad').value = dyad;
  poll();
}

function renderProgress(body) {
  const p = body.view.progress;
  document.getElementById('progress').textContent =
    `articles in incidents ${p.articles} · incidents ${p.incidents} · indicator updates ${p.indicatorUpdates}`
    + ` · alert notices ${body.alertNotices}` + (p.latestEventTime ? ` · event time ${when(p.latestEventTime)}` : '');
}

function renderDyads(view) {
  const select = document.getElementById('dyad');
  const current = [...select.options].map((o) => o.value).join(',');
  if (current !== view.dyads.join(',')) {
    select.replaceChildren(...view.dyads.map((d) => { const o = el('option', null, d.replace('-', '–')); o.value = d; return o; }));
  }
  if (view.dyad) select.value = view.dyad;
  shownDyad = view.dyad;
}

function renderIncidents(view) {
  const list = document.getElementById('incidents');
  list.replaceChildren(...view.incidents.map((i) => {
    const item = el('li', 'incident ' + (i.direction || '').toLowerCase());
    const head = el('div', 'alert-head');
    head.append(el('span', 'dyad-name', i.eventDate + ' · ' + i.kind),
      el('span', 'meta', (i.borderIncident ? 'border incident · ' : '') + (i.killed ? i.killed + ' killed · ' : '')
        + i.independentSources + ' independent source' + (i.independentSources === 1 ? '' : 's')));
    item.append(head);
    distinctQuotes(i.evidence || [], 3).forEach((e) => item.append(quote(e)));
    return item;
  }));
  document.getElementById('no-incidents').hidden = view.incidents.length > 0;
}

const LINE_COLOURS = ['#2563eb', '#7c3aed', '#0891b2', '#65a30d'];

function renderChart(view) {
  const lines = Object.entries(view.timeline).map(([window, points], n) => ({
    type: 'line', label: 'tension ' + window, data: points.map((p) => ({ x: Date.parse(p.at), y: p.tension })),
    borderColor: LINE_COLOURS[n % LINE_COLOURS.length], pointRadius: 0, borderWidth: 2, tension: 0.2,
  }));
  if (!chart) {
    chart = new Chart(document.getElementById('timeline'), {
      data: { datasets: [] },
      options: {
        animation: false, maintainAspectRatio: false, parsing: false,
        scales: {
          x: { type: 'linear', afterBuildTicks: dayTicks, ticks: { callback: (v) => new Date(v).toISOString().slice(0, 10) } },
          y: { title: { display: true, text: 'net tension' } },
        },
        plugins: { tooltip: { callbacks: { title: (items) => items.map((i) => when(new Date(i.parsed.x).toISOString())) } } },
      },
    });
  }
  chart.data.datasets = lines.concat(markerDataset(lines));
  chart.update('none');
}

// An alert marker sits on the longest window's line at the notice's time, coloured by state and severity.
function markerDataset(lines) {
  const line = lines.length ? lines[lines.length - 1].data : [];
  const valueAt = (x) => line.reduce((best, p) => (Math.abs(p.x - x) < Math.abs(best.x - x) ? p : best), { x: Infinity, y: 0 }).y;
  const marks = history.filter((n) => n.data.dyad.join('-') === shownDyad).map((n) => ({
    x: Date.parse(n.data.updatedAt), y: valueAt(Date.parse(n.data.updatedAt)), label: n.data.state + ' ' + n.data.rule,
    colour: n.data.state === 'RESOLVED' ? '#15803d' : n.data.severity === 'CRITICAL' ? '#c0262d' : '#d97706',
  }));
  return [{
    type: 'scatter', label: 'alerts', data: marks, pointStyle: 'triangle', pointRadius: 8,
    pointBackgroundColor: marks.map((m) => m.colour), borderColor: marks.map((m) => m.colour),
  }];
}

function renderChartMarkers() {
  if (!chart) return;
  const lines = chart.data.datasets.filter((d) => d.type === 'line');
  chart.data.datasets = lines.concat(markerDataset(lines));
  chart.update('none');
}

async function poll() {
  try {
    const query = shownDyad ? '?dyad=' + encodeURIComponent(shownDyad) : '';
    const response = await fetch('/api/v1/dashboard' + query);
    if (!response.ok) return;
    const body = await response.json();
    renderProgress(body);
    renderDyads(body.view);
    renderIncidents(body.view);
    renderChart(body.view);
  } catch (e) {
    document.getElementById('progress').textContent = 'cannot reach the alerts service: ' + e.message;
  }
}

document.getElementById('dyad').addEventListener('change', (e) => selectDyad(e.target.value));
connect();
poll();
setInterval(poll, POLL_MS);
