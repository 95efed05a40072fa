'use strict';
// The Archivist console: sign-in, routing, and the list with its Active / Archived / Any toggle and
// bulk bar. Plain browser JavaScript, no build step; the server checks every
// request, and the roles decoded from the token only decide which buttons to show (docs/lifecycle.md#roles).

const PAGE_SIZE = 25;
const $ = (id) => document.getElementById(id);

/** Builds an element; children are nodes or text, never parsed as HTML. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child);
  }
  return node;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const shortId = (id) => String(id).slice(0, 8);
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const labelOf = (record) => record.key || shortId(record.id);
const recordLink = (record) => el('a', { href: `#/records/${record.id}` }, labelOf(record));
const text = (value) => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
const stateBadge = (record) => (record.deleted_at
  ? el('span', { class: 'badge archived' }, 'archived') : el('span', { class: 'badge active' }, 'active'));

// ---------------------------------------------------------------- banners

function showError(message) {
  $('notice').hidden = true;
  $('error-text').textContent = message;
  $('error').hidden = false;
}

function showNotice(message) {
  $('error').hidden = true;
  $('notice-text').textContent = message;
  $('notice').hidden = false;
}

function clearBanners() {
  $('error').hidden = true;
  $('notice').hidden = true;
}

/** Runs an action, showing a failure as its message in the error banner. */
async function guarded(action) {
  try {
    await action();
  } catch (error) {
    if (error instanceof ApiError) showError(error.message);
    else {
      console.error(error);
      showError('Something went wrong in the console. Reload the page and try again.');
    }
  }
}

// ---------------------------------------------------------------- sign-in and routing

let types = null; // the catalog, loaded once per sign-in
let noticeAfterNavigation = null;

function signOut(message) {
  session.forget();
  types = null;
  showView('sign-in');
  $('who').hidden = true;
  $('token').value = '';
  if (message) showError(message);
}

async function signIn(token) {
  clearBanners();
  if (!decodeClaims(token)) {
    showError('This is not a token: paste the whole JWT (three parts separated by dots).');
    return;
  }
  session.keep(token);
  types = null;
  await guarded(async () => {
    await loadTypes(); // the server checks the token here; a refusal signs out again with its detail
    route();
  });
}

function showView(id) {
  for (const view of ['sign-in', 'list-view', 'record-view']) $(view).hidden = view !== id;
}

function navigate(hash, notice) {
  noticeAfterNavigation = notice;
  location.hash = hash;
}

/** #/records/ID is a record page; anything else is the list, with its type and toggle in the hash. */
function route() {
  if (!session.token()) {
    signOut();
    return;
  }
  const claims = session.claims() || {};
  $('who-sub').textContent = text(claims.sub);
  $('who-workspace').textContent = text(claims.workspace);
  $('who-roles').replaceChildren(...session.roles().map((role) => el('span', { class: 'role' }, role)));
  $('who').hidden = false;
  const hash = location.hash.replace(/^#/, '');
  const record = hash.match(/^\/records\/([^/?]+)$/);
  if (record) guarded(() => showRecord(decodeURIComponent(record[1])));
  else {
    const params = new URLSearchParams(hash.split('?')[1] || '');
    guarded(() => showList(params.get('type'), params.get('archived') || 'false'));
  }
}

const listHash = (type, archived) => `#/list?${new URLSearchParams({ type, archived })}`;

async function loadTypes() {
  if (!types) {
    const body = await api('GET', '/object-types');
    types = Array.isArray(body) ? body : (body && (body.items || body.object_types)) || [];
  }
  return types;
}

const typeNamed = (name) => (types || []).find((t) => t.name === name) || {};
const archivable = (record) => typeNamed(record.type).archivable !== false;

// ---------------------------------------------------------------- the list

const list = { type: null, archived: 'false', cursor: null, columns: [], rows: new Map(), selected: new Set(), generation: 0 };

async function showList(type, archived) {
  showView('list-view');
  $('records').removeAttribute('data-loaded');
  const catalog = await loadTypes();
  if (!catalog.some((t) => t.name === type)) type = catalog.length ? catalog[0].name : null;
  if (!['false', 'true', 'any'].includes(archived)) archived = 'false';
  list.generation += 1;
  Object.assign(list, { type, archived, cursor: null, columns: [], rows: new Map(), selected: new Set() });

  $('type-select').replaceChildren(...catalog.map((t) => el('option', { value: t.name }, t.name)));
  $('type-select').value = type || '';
  for (const button of document.querySelectorAll('.toggle button')) {
    button.setAttribute('aria-pressed', String(button.dataset.archived === archived));
  }
  $('records').querySelector('thead').replaceChildren();
  $('records').querySelector('tbody').replaceChildren();
  $('empty').hidden = true;
  $('load-more').hidden = true;
  updateBulkBar();
  if (type) await loadPage();
  else $('empty').hidden = false;
}

/** The next keyset page (docs/api.md: `next_cursor` is null on the last one). */
async function loadPage() {
  const generation = list.generation;
  const params = new URLSearchParams({ type: list.type, archived: list.archived, limit: String(PAGE_SIZE) });
  if (list.cursor) params.set('cursor', list.cursor);
  const page = await api('GET', `/records?${params}`);
  if (generation !== list.generation) return; // the user moved on while this page loaded
  const items = (page && page.items) || [];
  if (!list.columns.length) list.columns = attributeColumns(items);
  if (!$('records').querySelector('thead').hasChildNodes()) renderHead();
  for (const record of items) {
    list.rows.set(record.id, record);
    $('records').querySelector('tbody').append(renderRow(record));
  }
  list.cursor = page && page.next_cursor;
  $('load-more').hidden = !list.cursor;
  $('empty').hidden = list.rows.size > 0;
  $('records').dataset.loaded = String(list.rows.size); // for the browser tests: this page is in
}

/** The main attributes: the type's unique ones first, then the others in order of appearance; three at most. */
function attributeColumns(items) {
  const names = [...(typeNamed(list.type).unique || [])];
  for (const record of items) {
    for (const name of Object.keys(record.attributes || {})) if (!names.includes(name)) names.push(name);
  }
  return names.slice(0, 3);
}

function renderHead() {
  const selectAll = el('input', { type: 'checkbox', id: 'select-all', 'aria-label': 'Select all', onchange: (e) => selectRows(e.target.checked) });
  $('records').querySelector('thead').append(el('tr', {},
    session.canLifecycle() ? el('th', { class: 'check' }, selectAll) : null,
    el('th', {}, 'Key'),
    list.columns.map((name) => el('th', {}, name)),
    el('th', {}, 'State'),
    el('th', {}, 'deleted_at'),
    el('th', {}, 'Archived by')));
}

function renderRow(record) {
  const archived = Boolean(record.deleted_at);
  const check = el('input', {
    type: 'checkbox',
    'aria-label': `Select ${labelOf(record)}`,
    onchange: (e) => {
      if (e.target.checked) list.selected.add(record.id); else list.selected.delete(record.id);
      updateBulkBar();
    },
  });
  return el('tr', { 'data-id': record.id, 'data-key': record.key || '', class: archived ? 'archived' : '' },
    session.canLifecycle() ? el('td', { class: 'check' }, check) : null,
    el('td', {}, recordLink(record)),
    list.columns.map((name) => el('td', {}, text((record.attributes || {})[name]))),
    el('td', {}, stateBadge(record)),
    el('td', { class: 'when', title: record.deleted_at || '' }, when(record.deleted_at)),
    // An archived record is read-only (R9), so its last updater is whoever archived it.
    el('td', {}, archived ? text(record.updated_by) : ''));
}

function selectRows(checked) {
  for (const box of $('records').querySelectorAll('input[type=checkbox]')) {
    box.checked = checked;
    const row = box.closest('tr[data-id]');
    if (!row) continue;
    if (checked) list.selected.add(row.dataset.id); else list.selected.delete(row.dataset.id);
  }
  updateBulkBar();
}

const selectedRecords = () => [...list.selected].map((id) => list.rows.get(id)).filter(Boolean);

/** Shown with a selection; each button enabled only when it applies to a selected row. */
function updateBulkBar() {
  const selected = selectedRecords();
  $('bulk-bar').hidden = !session.canLifecycle() || selected.length === 0;
  $('bulk-count').textContent = `${plural(selected.length, 'record')} selected`;
  $('bulk-archive').disabled = !selected.some((r) => !r.deleted_at && archivable(r));
  $('bulk-restore').disabled = !selected.some((r) => r.deleted_at);
  // Delete twice to destroy (R3): a permanent delete is for archived records (or types without archive).
  const purgeable = selected.length > 0 && selected.every((r) => r.deleted_at || !archivable(r));
  $('bulk-delete').disabled = !purgeable;
  $('bulk-delete').title = purgeable ? '' : 'Archive them first: a permanent delete is for archived records.';
}

async function bulk(action) {
  clearBanners();
  const outcome = await actOnSelection(selectedRecords(), action);
  if (!outcome) return;
  await showList(list.type, list.archived);
  if (outcome.failed.length) showError(`${plural(outcome.failed.length, 'record')} refused: ${outcome.failed.join('; ')}. ${outcome.message}`);
  else showNotice(outcome.message);
}

// ---------------------------------------------------------------- wiring

document.addEventListener('DOMContentLoaded', () => {
  session.onRefused = signOut;
  $('sign-in-form').addEventListener('submit', (e) => { e.preventDefault(); signIn($('token').value.trim()); });
  $('sign-out').addEventListener('click', () => signOut());
  $('error-close').addEventListener('click', () => { $('error').hidden = true; });
  $('notice-close').addEventListener('click', () => { $('notice').hidden = true; });
  $('type-select').addEventListener('change', (e) => { location.hash = listHash(e.target.value, list.archived); });
  for (const button of document.querySelectorAll('.toggle button')) {
    button.addEventListener('click', () => { location.hash = listHash(list.type, button.dataset.archived); });
  }
  $('load-more').addEventListener('click', () => guarded(loadPage));
  $('bulk-archive').addEventListener('click', () => guarded(() => bulk('archive')));
  $('bulk-restore').addEventListener('click', () => guarded(() => bulk('restore')));
  $('bulk-delete').addEventListener('click', () => guarded(() => bulk('purge')));
  $('bulk-clear').addEventListener('click', () => selectRows(false));
  window.addEventListener('hashchange', () => {
    clearBanners();
    if (noticeAfterNavigation) showNotice(noticeAfterNavigation);
    noticeAfterNavigation = null;
    route();
  });
  route();
});
