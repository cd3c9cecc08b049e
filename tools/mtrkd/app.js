// The mtrkd dashboard: every figure is read from the JSON API
// (/api/v1/tenants/{tenant}/...) and shown as it is; nothing is counted
// here. The page polls the API every few seconds.
'use strict';
(function () {
  let POLL_MS = 5000;
  const SERIES = ['delivered', 'open', 'click', 'bounce'];
  const $ = (id) => document.getElementById(id);
  let tenant = '', token = '', selected = null, timer = null;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs, text) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  const pct = (x) => (100 * x).toFixed(1) + '%';

  async function api(path) {
    const r = await fetch('/api/v1/tenants/' + encodeURIComponent(tenant) + path,
      { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' });
    if (r.status === 401) throw new Error('unauthorized');
    if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
    return r.json();
  }

  function readCredentials() {
    const h = new URLSearchParams(location.hash.slice(1));
    tenant = h.get('tenant') || sessionStorage.getItem('mtrk.tenant') || '';
    token = h.get('token') || sessionStorage.getItem('mtrk.token') || '';
    if (h.get('campaign')) selected = h.get('campaign');
    if (+h.get('poll') >= 500) POLL_MS = +h.get('poll');
    if (['auto', 'first', 'last'].includes(h.get('span'))) $('span').value = h.get('span');
    if (h.get('token')) { // keep the token out of the address bar and history
      sessionStorage.setItem('mtrk.tenant', tenant);
      sessionStorage.setItem('mtrk.token', token);
      history.replaceState(null, '', location.pathname + (selected ? '#campaign=' + selected : ''));
    }
  }

  function showLogin(msg) {
    $('app').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = msg || '';
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const list = await api('/campaigns?limit=500');
      if (!list.items.some((c) => c.id === selected)) selected = list.items.length ? list.items[0].id : null;
      renderList(list.items);
      if (selected) await renderCampaign(selected);
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      document.body.dataset.loaded = 'true';
    } catch (e) {
      if (e.message === 'unauthorized') return showLogin('The tenant or the token was refused.');
      $('updated').textContent = 'update failed: ' + e.message;
    }
    timer = setTimeout(refresh, POLL_MS);
  }

  function renderList(items) {
    const ul = $('campaigns');
    ul.replaceChildren();
    for (const c of items) {
      const b = el('button', { type: 'button', 'data-campaign': c.id }, c.name);
      if (c.id === selected) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', () => { selected = c.id; refresh(); });
      const li = el('li');
      li.append(b);
      ul.append(li);
    }
  }

  async function renderCampaign(id) {
    const [c, hourly, links] = await Promise.all([
      api('/campaigns/' + id), api('/campaigns/' + id + '/hourly?span=' + $('span').value), api('/campaigns/' + id + '/links?limit=500')]);
    const m = c.metrics;
    $('campaign').hidden = false;
    $('campaign').dataset.campaign = id;
    $('c-name').textContent = c.name;
    $('c-status').textContent = c.status;
    $('c-subject').textContent = c.subject || '';

    const steps = [['sent', 'Sent'], ['delivered', 'Delivered'], ['opens_unique', 'Opened'],
      ['clicks_unique', 'Clicked'], ['leads_attributed', 'Leads']];
    const top = Math.max(1, m.sent, m.delivered);
    const funnel = $('funnel');
    funnel.replaceChildren();
    for (const [k, label] of steps) {
      const row = el('div', { class: 'step' });
      const bar = el('div', { class: 'bar' });
      bar.style.width = (100 * m[k] / top) + '%';
      const wrap = el('div');
      wrap.append(bar);
      row.append(el('span', {}, label), wrap, el('span', { class: 'num', 'data-metric': k }, m[k]));
      funnel.append(row);
    }

    figures($('split'), [
      ['Unique opens by people', c.split.opens.unique_human, 'split.opens.unique_human'],
      ['Machine opens (events)', c.split.opens.machine_events, 'split.opens.machine_events'],
      ['Unique clicks by people', c.split.clicks.unique_human, 'split.clicks.unique_human'],
      ['Machine clicks (events)', c.split.clicks.machine_events, 'split.clicks.machine_events']]);
    figures($('problems'), [
      ['Hard bounces', m.bounced_hard, 'bounced_hard'], ['Soft bounces', m.bounced_soft, 'bounced_soft'],
      ['Bounce rate', pct(m.bounce_rate), 'bounce_rate'], ['Complaints', m.complaints, 'complaints'],
      ['Complaint rate', pct(m.complaint_rate), 'complaint_rate'], ['Unsubscribes', m.unsubscribes, 'unsubscribes'],
      ['Unsubscribe rate', pct(m.unsubscribe_rate), 'unsubscribe_rate']]);

    const tb = $('links').tBodies[0];
    tb.replaceChildren();
    for (const l of links.items) {
      const tr = el('tr', { 'data-lid': l.lid });
      tr.append(el('td', { class: 'num' }, l.rank), el('td', {}, l.label || l.url),
        el('td', { class: 'num', 'data-field': 'clicks_unique' }, l.clicks_unique),
        el('td', { class: 'num', 'data-field': 'clicks_unique_human' }, l.clicks_unique_human),
        el('td', { class: 'num', 'data-field': 'clicks' }, l.clicks));
      tb.append(tr);
    }
    chart(hourly);
  }

  function figures(table, rows) {
    table.replaceChildren();
    for (const [label, value, key] of rows) {
      const tr = el('tr');
      tr.append(el('th', {}, label), el('td', { class: 'num', 'data-metric': key }, value));
      table.append(tr);
    }
  }

  // The hourly series: one polyline per event type, hours on the x axis
  // labelled with their dates (UTC).
  function chart(h) {
    const s = $('hourly');
    s.replaceChildren();
    const W = 800, H = 260, L = 44, R = 10, T = 10, B = 40;
    const n = h.hours;
    let max = 1;
    for (const k of SERIES) for (const v of h.series[k]) max = Math.max(max, v);
    const x = (i) => L + (n <= 1 ? 0 : (W - L - R) * i / (n - 1));
    const y = (v) => T + (H - T - B) * (1 - v / max);
    for (let g = 0; g <= 4; g++) {
      const v = Math.round(max * g / 4);
      s.append(svg('line', { class: 'grid', x1: L, x2: W - R, y1: y(v), y2: y(v) }),
        svg('text', { x: L - 4, y: y(v) + 3, 'text-anchor': 'end' }, v));
    }
    s.append(svg('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
    const every = Math.max(1, Math.ceil(n / 8));
    for (let i = 0; i < n; i += every) {
      const d = new Date(h.from + i * h.hour_ms);
      const label = d.toISOString().slice(5, 10) + ' ' + d.toISOString().slice(11, 13) + 'h';
      s.append(svg('line', { class: 'axis', x1: x(i), x2: x(i), y1: H - B, y2: H - B + 4 }),
        svg('text', { x: x(i), y: H - B + 16, 'text-anchor': 'middle', 'data-hour': h.from + i * h.hour_ms }, label));
    }
    s.append(svg('text', { x: L, y: H - 6 }, 'UTC, from ' + new Date(h.from).toISOString().slice(0, 16).replace('T', ' ')));
    const legend = $('hourly-legend');
    legend.replaceChildren();
    for (const k of SERIES) {
      const pts = h.series[k].map((v, i) => x(i) + ',' + y(v)).join(' ');
      const total = h.series[k].reduce((a, b) => a + b, 0);
      s.append(svg('polyline', { class: 's-' + k, points: pts, 'data-series': k }));
      legend.append(el('span', { class: 'k-' + k, 'data-series-total': k }, k + ' ' + total));
    }
  }

  $('span').addEventListener('change', () => refresh());
  $('login').addEventListener('submit', (ev) => {
    ev.preventDefault();
    tenant = $('login-tenant').value.trim();
    token = $('login-token').value;
    sessionStorage.setItem('mtrk.tenant', tenant);
    sessionStorage.setItem('mtrk.token', token);
    $('login').hidden = true;
    $('app').hidden = false;
    refresh();
  });

  readCredentials();
  if (!tenant || !token) return showLogin();
  $('tenant-name').textContent = tenant;
  $('app').hidden = false;
  refresh();
})();
