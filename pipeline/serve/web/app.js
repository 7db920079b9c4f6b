// jixiao review pages: overview, document, source view, review. Every text
// goes through textContent (never innerHTML) but the source view's HTML,
// which the server builds with every text escaped.
'use strict';

const params = new URLSearchParams(location.search);
const TOKEN = params.get('token') || '';
const DECISIONS = { confirmed: '确认', dismissed: '排除', pending: '待核实' };
const SEVERITY = { error: '错误', warning: '警告', info: '提示' };
const STATUS = { ok: '通过', findings: '有问题', failed: '处理失败', skipped: '已跳过' };

function withToken(url) {
  if (!TOKEN) return url;
  return url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(TOKEN);
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (TOKEN) headers['X-Jixiao-Token'] = TOKEN;
  const res = await fetch(path, Object.assign({}, options, { headers }));
  const type = res.headers.get('Content-Type') || '';
  if (!res.ok) {
    let message = res.status + ' ' + res.statusText;
    if (type.startsWith('application/json')) {
      try { message = (await res.json()).error || message; } catch (e) { /* keep the status */ }
    }
    throw new Error(message);
  }
  return type.startsWith('application/json') ? res.json() : res;
}

// el('td', {class: 'num'}, 'text', child...)
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function toast(text) {
  const t = document.getElementById('toast');
  t.textContent = text;
  t.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.remove('show'), 2500);
}

function showError(app, err) {
  app.replaceChildren(el('div', { class: 'error-box' }, '出错了：', err.message || String(err)));
}

// The quote with the figure marked: [begin, end) are UTF-8 byte offsets.
function markedQuote(quote, figure) {
  const span = el('span', { class: 'quote' });
  if (!figure) { span.append('“', quote, '”'); return span; }
  const bytes = new TextEncoder().encode(quote);
  const dec = new TextDecoder();
  span.append('“', dec.decode(bytes.slice(0, figure[0])),
    el('mark', {}, dec.decode(bytes.slice(figure[0], figure[1]))),
    dec.decode(bytes.slice(figure[1])), '”');
  return span;
}

function fmtTime(at) {
  if (!at) return '';
  const d = new Date(at);
  return isNaN(d) ? at : d.toLocaleString('zh-CN', { hour12: false });
}

// --- reviewer -------------------------------------------------------------
const reviewerInput = document.getElementById('reviewer');
reviewerInput.value = localStorage.getItem('jixiao.reviewer') || '';
reviewerInput.addEventListener('change', () => localStorage.setItem('jixiao.reviewer', reviewerInput.value.trim()));

function reviewer() {
  const name = reviewerInput.value.trim();
  if (!name) {
    reviewerInput.focus();
    toast('请先在右上角填写复核人姓名（浏览器会记住）');
    return null;
  }
  localStorage.setItem('jixiao.reviewer', name);
  return name;
}

// --- overview -------------------------------------------------------------
const COLUMNS = [
  ['file', '文件'], ['unit', '单位'], ['year', '年度'], ['family', '类别', 'wide'], ['budget', '预算（万元）', 'wide'],
  ['executed', '执行（万元）', 'wide'], ['rate', '执行率', 'wide'], ['score', '自评得分', 'wide'],
  ['grade', '等级', 'wide'], ['errors', '错误'], ['warnings', '警告'], ['infos', '提示', 'wide'],
  ['reviewed', '复核进度'],
];

let meta = null;  // codes, units, years and families for the filters

async function overview(app, query) {
  if (!meta) meta = await api('/api/codes');
  const q = new URLSearchParams(query);
  const data = await api('/api/documents?' + q.toString());
  const t = data.totals || {};
  const set = (key, value) => {
    const next = new URLSearchParams(query);
    if (value === '' || value === null) next.delete(key); else next.set(key, value);
    if (key !== 'page') next.delete('page');
    location.hash = '#/?' + next.toString();
  };
  const select = (name, label, options) => el('label', {}, label,
    el('select', { name, onchange: (e) => set(name, e.target.value) },
      el('option', { value: '' }, '全部'),
      options.map(([v, text]) => el('option', { value: v, selected: q.get(name) === String(v) }, text))));
  const form = el('form', { class: 'filters', onsubmit: (e) => {
      e.preventDefault();
      const next = new URLSearchParams(query);
      for (const name of ['q', 'unit']) {
        const v = e.target.elements[name].value.trim();
        if (v) next.set(name, v); else next.delete(name);
      }
      next.delete('page');
      location.hash = '#/?' + next.toString();
    } },
    el('label', {}, '全文检索（词语、金额如 24万元）', el('input', { name: 'q', value: q.get('q') || '', placeholder: '如：项目支出' })),
    el('label', {}, '单位', el('input', { name: 'unit', value: q.get('unit') || '', list: 'units' })),
    el('datalist', { id: 'units' }, meta.units.map((u) => el('option', { value: u }))),
    select('year', '年度', meta.years.map((y) => [y, y + '年'])),
    select('family', '类别', meta.families.map((f) => [f.family, f.name])),
    select('code', '问题代码', meta.codes.map((c) => [c.code, c.code + '（' + c.documents + '）'])),
    select('severity', '严重程度', Object.entries(SEVERITY)),
    select('review', '复核状态', [['todo', '未复核完'], ['done', '已复核完']]),
    el('button', { type: 'submit' }, '检索'),
    el('button', { type: 'button', onclick: () => { location.hash = '#/'; } }, '清除条件'));
  const totals = el('div', { class: 'totals', id: 'totals' },
    el('span', {}, '文件 ', el('b', {}, t.documents || 0)),
    el('span', { class: 'n-error' }, '错误 ', el('b', {}, t.errors || 0)),
    el('span', { class: 'n-warning' }, '警告 ', el('b', {}, t.warnings || 0)),
    el('span', { class: 'n-info' }, '提示 ', el('b', {}, t.infos || 0)),
    el('span', {}, '已复核 ', el('b', {}, (t.reviewed || 0) + ' / ' + (t.findings || 0))));
  const sort = q.get('sort') || 'worst';
  const desc = q.get('order') === 'desc';
  const head = el('tr', {}, COLUMNS.map(([key, label, cls]) => el('th', {
    class: [cls, sort === key ? 'sorted' : '', sort === key && desc ? 'desc' : ''].join(' ').trim(),
    'data-sort': key,
    onclick: () => {
      const next = new URLSearchParams(query);
      next.set('sort', key);
      next.set('order', sort === key && !desc ? 'desc' : 'asc');
      next.delete('page');
      location.hash = '#/?' + next.toString();
    } }, label)));
  const rows = data.documents.map((d) => {
    const total = d.findings || 0;
    const pct = total ? Math.round(100 * d.reviewed / total) : 100;
    return el('tr', { 'data-id': d.id },
      el('td', {}, el('a', { href: '#/doc/' + d.id, class: 'doc-link' }, d.file),
        d.status === 'failed' || d.status === 'skipped' ? el('div', { class: 'n-info' }, STATUS[d.status] + '：' + (d.reason || '')) : null),
      el('td', {}, d.unit || '—'), el('td', { class: 'num' }, d.year || '—'),
      el('td', { class: 'wide' }, d.family_name || '—'),
      el('td', { class: 'num wide' }, d.budget || '—'), el('td', { class: 'num wide' }, d.executed || '—'),
      el('td', { class: 'num wide' }, d.rate ? d.rate + '%' : '—'), el('td', { class: 'num wide' }, d.score || '—'),
      el('td', { class: 'wide' }, d.grade || '—'),
      el('td', { class: 'num n-error' }, d.errors || ''), el('td', { class: 'num n-warning' }, d.warnings || ''),
      el('td', { class: 'num n-info wide' }, d.infos || ''),
      el('td', {}, total ? [el('span', { class: 'progress' }, (() => { const i = el('i'); i.style.width = pct + '%'; return i; })()),
        d.reviewed + '/' + total] : '—'));
  });
  const pages = Math.max(1, Math.ceil(data.total / data.per_page));
  const pager = el('div', { class: 'pager' },
    el('button', { disabled: data.page <= 1, onclick: () => set('page', data.page - 1) }, '上一页'),
    el('span', {}, '第 ' + data.page + ' / ' + pages + ' 页，共 ' + data.total + ' 个文件'),
    el('button', { disabled: data.page >= pages, onclick: () => set('page', data.page + 1) }, '下一页'));
  app.replaceChildren(el('h1', {}, '文件总览'), totals, form,
    rows.length ? el('table', { class: 'docs' }, el('thead', {}, head), el('tbody', {}, rows))
      : el('p', { class: 'empty' }, '没有符合条件的文件。'),
    pager);
}

// --- document -------------------------------------------------------------
let current = -1;  // index of the focused finding on a document page

function reviewState(review) {
  if (!review) return el('span', { class: 'state' }, '未复核');
  return el('span', { class: 'state' }, el('span', { class: 'badge ' + review.decision }, DECISIONS[review.decision] || review.decision),
    ' ', review.reviewer || '', ' · ', fmtTime(review.at), review.comment ? ' · ' + review.comment : '');
}

async function decide(card, finding, decision) {
  const name = reviewer();
  if (!name) return;
  const comment = card.querySelector('textarea').value;
  try {
    const stored = await api('/api/findings/' + finding.id + '/review', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ decision, comment, reviewer: name }),
    });
    finding.review = stored;
    for (const b of card.querySelectorAll('.review button')) b.classList.toggle('on', b.dataset.decision === decision);
    card.querySelector('.state').replaceWith(reviewState(stored));
    toast('已记录：' + DECISIONS[decision]);
  } catch (err) {
    toast('未能记录：' + err.message);
  }
}

function findingCard(doc, f, index) {
  const card = el('section', { class: 'finding ' + f.severity, id: 'f-' + f.id, 'data-id': f.id, tabindex: -1 });
  const buttons = Object.entries(DECISIONS).map(([key, label], i) => el('button', {
    type: 'button', class: key + (f.review && f.review.decision === key ? ' on' : ''), 'data-decision': key,
    title: '快捷键 ' + (i + 1), onclick: () => decide(card, f, key) }, label));
  card.append(
    el('div', {}, el('span', { class: 'sev n-' + f.severity }, SEVERITY[f.severity]), el('span', { class: 'code' }, f.code)),
    el('div', { class: 'message' }, f.message),
    f.arithmetic_words ? el('div', { class: 'arith' }, '算式：' + f.arithmetic_words) : null,
    el('ul', { class: 'evidence' }, f.evidence.map((e, k) => el('li', {},
      el('a', { href: '#/source/' + doc.id + '/' + f.id + '/' + k, class: 'place' }, e.place || '原文位置'), '：',
      markedQuote(e.quote, e.figure)))),
    el('div', { class: 'review' }, buttons,
      el('textarea', { placeholder: '备注（可选）', 'aria-label': '备注' }, f.review ? f.review.comment : ''),
      reviewState(f.review)));
  card.addEventListener('click', () => focusFinding(index, false));
  return card;
}

function focusFinding(i, scroll = true) {
  const cards = [...document.querySelectorAll('.finding')];
  if (!cards.length) return;
  current = Math.max(0, Math.min(cards.length - 1, i));
  cards.forEach((c, k) => c.classList.toggle('current', k === current));
  if (scroll) cards[current].scrollIntoView({ block: 'center' });
}

async function documentPage(app, id, focus) {
  const doc = await api('/api/documents/' + id);
  const fig = (label, v, suffix = '') => [el('dt', {}, label), el('dd', {}, v ? v + suffix : '—')];
  const head = el('div', { class: 'doc-head' },
    el('h1', {}, doc.title || doc.file),
    el('div', {}, doc.file, ' · ', el('a', { href: withToken(doc.original) + (doc.format === 'pdf' ? '#page=1' : ''), target: '_blank', rel: 'noopener' }, '打开原文件')),
    el('dl', {}, fig('单位', doc.unit), fig('年度', doc.year), fig('类别', doc.family_name), fig('预算总额', doc.budget, '万元'), fig('执行数', doc.executed, '万元'),
      fig('执行率', doc.rate, '%'), fig('自评得分', doc.score), fig('等级', doc.grade),
      fig('问题', (doc.errors || 0) + ' 错误，' + (doc.warnings || 0) + ' 警告，' + (doc.infos || 0) + ' 提示'),
      fig('已复核', doc.reviewed + ' / ' + doc.findings.length)),
    doc.reason ? el('p', { class: 'n-info' }, doc.reason) : null);
  const sections = [];
  let index = 0;
  for (const sev of ['error', 'warning', 'info']) {
    const fs = doc.findings.filter((f) => f.severity === sev);
    if (!fs.length) continue;
    sections.push(el('h2', {}, SEVERITY[sev] + '（' + fs.length + '）'));
    for (const f of fs) sections.push(findingCard(doc, f, index++));
  }
  app.replaceChildren(el('p', {}, el('a', { href: '#/' + (sessionStorage.getItem('jixiao.overview') || '') }, '← 返回总览')), head,
    ...(sections.length ? sections : [el('p', { class: 'empty' }, '这个文件没有问题。')]));
  current = -1;
  if (focus) {
    const cards = [...document.querySelectorAll('.finding')];
    const i = cards.findIndex((c) => c.dataset.id === focus);
    if (i >= 0) focusFinding(i);
  }
}

// --- source view ----------------------------------------------------------
async function sourcePage(app, docId, fid, k) {
  const doc = await api('/api/documents/' + docId);
  const f = doc.findings.find((x) => x.id === fid);
  if (!f) throw new Error('没有这个问题：' + fid);
  const e = f.evidence[k];
  const url = '/api/findings/' + fid + '/source?evidence=' + k;
  const res = await api(url);
  const wrap = el('div', { class: 'source-wrap', id: 'source' });
  if ((res.headers.get('Content-Type') || '').startsWith('image/')) {
    const blob = await res.blob();
    const img = el('img', { alt: '原文第' + e.page + '页，问题所在位置以红框标出', id: 'source-image' });
    img.src = URL.createObjectURL(blob);
    wrap.append(img);
  } else {
    const html = new DOMParser().parseFromString(await res.text(), 'text/html');
    const body = html.querySelector('.source-text');
    if (body) wrap.append(document.importNode(body, true));
  }
  const original = withToken(doc.original) + (doc.format === 'pdf' && e.page ? '#page=' + e.page : '');
  const nav = el('div', { class: 'pager' },
    k > 0 ? el('a', { href: '#/source/' + docId + '/' + fid + '/' + (k - 1) }, '← 上一条引文') : null,
    el('span', {}, '引文 ' + (k + 1) + ' / ' + f.evidence.length),
    k + 1 < f.evidence.length ? el('a', { href: '#/source/' + docId + '/' + fid + '/' + (k + 1) }, '下一条引文 →') : null);
  app.replaceChildren(
    el('p', {}, el('a', { href: '#/doc/' + docId + '/' + fid }, '← 返回文件'), ' · ',
      el('a', { href: original, target: '_blank', rel: 'noopener' }, '打开原文件' + (e.page ? '（第' + e.page + '页）' : ''))),
    el('h1', {}, doc.file, ' · ', e.place),
    el('div', { class: 'finding ' + f.severity }, el('span', { class: 'code' }, f.code), ' ', f.message,
      el('div', {}, markedQuote(e.quote, e.figure))),
    nav, wrap);
  const hit = wrap.querySelector('#hit');
  if (hit) hit.scrollIntoView({ block: 'center' });
}

// --- routing --------------------------------------------------------------
async function route() {
  const app = document.getElementById('app');
  const hash = location.hash.slice(1) || '/';
  const [path, query = ''] = hash.split('?');
  const parts = path.split('/').filter(Boolean);
  try {
    if (parts[0] === 'doc' && parts[1]) await documentPage(app, parts[1], parts[2]);
    else if (parts[0] === 'source' && parts.length >= 3) await sourcePage(app, parts[1], parts[2], Number(parts[3] || 0));
    else {
      sessionStorage.setItem('jixiao.overview', query ? '?' + query : '');
      await overview(app, query);
    }
    document.body.dataset.page = parts[0] || 'overview';
  } catch (err) {
    showError(app, err);
  }
}

document.addEventListener('keydown', (ev) => {
  if (ev.target.closest('input, textarea, select') || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const cards = [...document.querySelectorAll('.finding[data-id]')];
  if (!cards.length || document.body.dataset.page !== 'doc') return;
  if (ev.key === 'j') focusFinding(current + 1);
  else if (ev.key === 'k') focusFinding(current - 1);
  else if (['1', '2', '3'].includes(ev.key) && current >= 0) {
    cards[current].querySelectorAll('.review button')[Number(ev.key) - 1].click();
  } else return;
  ev.preventDefault();
});

window.addEventListener('hashchange', route);
route();
