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

/** Replaces a node's children; like el(), it leaves out null and false (replaceChildren would show "null"). */
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return node;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
const text = (value) => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
/**
 * The one display rule for a record, wherever a person reads it (SPEC §1): its title, else its key,
 * else its whole id (half a UUIDv7 is its timestamp, which records created together share).
 */
const labelOf = (record) => text(record.title) || text(record.key) || text(record.id);
/** Text that people typed (keys, titles, attribute values) keeps its own direction: Hebrew or Arabic reads right. */
const userText = (tag, attrs, value) => el(tag, { ...attrs, dir: 'auto' }, text(value));
const recordLink = (record) => el('a', { href: `#/records/${record.id}`, dir: 'auto' }, labelOf(record));
const stateBadge = (record) => (record.deleted_at
  ? el('span', { class: 'badge archived' }, 'archived') : el('span', { class: 'badge active' }, 'active'));
/** A time as the person's clock shows it, with the exact instant in its tooltip. */
const timeNode = (iso) => (iso ? el('time', { datetime: iso, title: iso }, when(iso)) : null);

const DAY = 24 * 60 * 60 * 1000;
/** R11: an archived record of a type with a retention is deleted for good at `purge_after`; said in days. */
function retentionNode(purgeAfter) {
  if (!purgeAfter) return null;
  const days = Math.ceil((Date.parse(purgeAfter) - Date.now()) / DAY);
  const words = days > 0 ? `deleted forever in ${plural(days, 'day')}` : 'deleted forever at the next retention run';
  return el('time', { class: 'purge-after', datetime: purgeAfter, title: `${when(purgeAfter)} (${purgeAfter})` }, words);
}

/** SPEC §3: why a MEMBER (or a token without a lifecycle role) sees no Archive, Restore or Delete. */
function roleNote() {
  if (session.canLifecycle()) return null;
  const roles = session.roles();
  return el('p', { class: 'role-note', role: 'note' },
    `You are signed in as ${roles.length ? roles.join(', ') : 'a user without a role'}: you may read, create and update `
    + 'records, but not archive, restore or permanently delete them. Those actions cascade to every record that '
    + 'depends on the one acted on, so they are kept for SUPER_ADMIN, ADMIN and JOURNEY_MANAGER: ask one of them.');
}

// ---------------------------------------------------------------- banners

// A banner takes the focus: it is the result of what the person just did, and a screen reader reads it.
function showError(message) {
  $('notice').hidden = true;
  $('error-text').textContent = message;
  $('error').hidden = false;
  $('error').focus();
}

function showNotice(message) {
  $('error').hidden = true;
  $('notice-text').textContent = message;
  $('notice').hidden = false;
  $('notice').focus();
}

function clearBanners() {
  $('error').hidden = true;
  $('notice').hidden = true;
}

/**
 * Moves the focus to `node` when nothing holds it: the element that had it was redrawn, hidden (a
 * closed dialog's button) or disabled. The browser moves such a focus to <body> only later.
 */
function keepFocus(node) {
  const holder = document.activeElement;
  const lost = !holder || holder === document.body || !holder.isConnected
    || holder.getClientRects().length === 0 || holder.matches(':disabled');
  if (node && lost) node.focus();
}

/** Runs a step, showing a failure as its message in the error banner. */
async function guarded(step) {
  try {
    await step();
  } catch (error) {
    if (error instanceof ApiError) showError(error.message);
    else {
      console.error(error);
      showError('Something went wrong in the console. Reload the page and try again.');
    }
  }
}

let actionUnderWay = false;

/**
 * Every action button (and the dialog it opens) runs through here, so that no action runs twice
 * while one is under way: a double click used to send a second restore ("skipped 3") or a second
 * delete ("does not exist"). Until the action is over (preview, dialog, request, redraw) the page's
 * fieldset is disabled, which disables every button on it, and says aria-busy. Afterwards the focus
 * goes back to the button when the action left it nowhere (a cancelled dialog).
 */
async function runAction(action) {
  if (actionUnderWay) return;
  actionUnderWay = true;
  const trigger = document.activeElement;
  const page = $('page');
  page.disabled = true;
  page.setAttribute('aria-busy', 'true');
  try {
    await guarded(action);
  } finally {
    actionUnderWay = false;
    page.disabled = false;
    page.removeAttribute('aria-busy');
    if (trigger && trigger.isConnected && trigger.getClientRects().length > 0) keepFocus(trigger);
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
  await loadTypes(); // the server checks the token here; a refusal signs out again with its detail
  route();
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
  const state = { false: 'active', true: 'archived', any: 'all' }[archived];
  $('list-title').textContent = type ? `${type}: ${state} records` : 'Records';
  fill($('list-note'), roleNote());
  $('records').querySelector('thead').replaceChildren();
  $('records').querySelector('tbody').replaceChildren();
  $('empty').hidden = true;
  $('load-more').hidden = true;
  updateBulkBar();
  if (type) await loadPage();
  else $('empty').hidden = false;
  keepFocus($('list-title'));
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
  updateBulkBar(); // the new rows are not selected: the header checkbox says so
  $('records').dataset.loaded = String(list.rows.size); // for the browser tests: this page is in
}

/** Load more: the next page, with the focus on its first record (the button may be gone). */
async function loadMore() {
  const first = list.rows.size;
  await loadPage();
  const link = $('records').querySelectorAll('tbody tr')[first];
  if (link) link.querySelector('a').focus();
}

/** The main attributes: the type's unique ones first, then the others in order of appearance; three at most. */
function attributeColumns(items) {
  const names = [...(typeNamed(list.type).unique || [])];
  for (const record of items) {
    for (const name of Object.keys(record.attributes || {})) if (!names.includes(name)) names.push(name);
  }
  return names.slice(0, 3);
}

// On a narrow screen the rows become cards, and each cell shows its column's name (data-label, console.css).
const COLUMNS = { record: 'Record', state: 'State', archived: 'Archived', by: 'Archived by' };

function renderHead() {
  const selectAll = el('input', { type: 'checkbox', id: 'select-all', 'aria-label': 'Select all', onchange: (e) => selectRows(e.target.checked) });
  $('records').querySelector('thead').append(el('tr', {},
    session.canLifecycle() ? el('th', { class: 'check' }, selectAll) : null,
    el('th', {}, COLUMNS.record),
    list.columns.map((name) => el('th', {}, name)),
    el('th', {}, COLUMNS.state),
    el('th', {}, COLUMNS.archived),
    el('th', {}, COLUMNS.by)));
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
  const value = (name) => text((record.attributes || {})[name]);
  return el('tr', { 'data-id': record.id, 'data-key': record.key || '', class: archived ? 'archived' : '' },
    session.canLifecycle() ? el('td', { class: 'check' }, check) : null,
    el('td', { class: 'label', 'data-label': COLUMNS.record }, recordLink(record)),
    // A long value is cut with an ellipsis (all of it in the tooltip and on the record page).
    list.columns.map((name) => el('td', { 'data-label': name },
      userText('span', { class: 'value', title: value(name) || null }, value(name)))),
    el('td', { 'data-label': COLUMNS.state }, stateBadge(record), ' ', retentionNode(record.purge_after)),
    el('td', { class: 'when', 'data-label': COLUMNS.archived }, timeNode(record.deleted_at)),
    // An archived record is read-only (R9), so its last updater is whoever archived it.
    userText('td', { 'data-label': COLUMNS.by }, archived ? record.updated_by : ''));
}

function selectRows(checked) {
  for (const box of $('records').querySelectorAll('tbody input[type=checkbox]')) {
    box.checked = checked;
    const id = box.closest('tr[data-id]').dataset.id;
    if (checked) list.selected.add(id); else list.selected.delete(id);
  }
  updateBulkBar();
}

const selectedRecords = () => [...list.selected].map((id) => list.rows.get(id)).filter(Boolean);

/** Shown with a selection; each button enabled only when it applies to a selected row. */
function updateBulkBar() {
  const selected = selectedRecords();
  $('bulk-bar').hidden = !session.canLifecycle() || selected.length === 0;
  $('bulk-count').textContent = `${plural(selected.length, 'record')} selected`;
  const selectAll = $('select-all');
  if (selectAll) { // ticked when every row shown is selected, "mixed" when only some are
    selectAll.checked = selected.length > 0 && selected.length === list.rows.size;
    selectAll.indeterminate = selected.length > 0 && selected.length < list.rows.size;
  }
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
  $('sign-in-form').addEventListener('submit', (e) => { e.preventDefault(); runAction(() => signIn($('token').value.trim())); });
  $('sign-out').addEventListener('click', () => signOut());
  $('error-close').addEventListener('click', () => { $('error').hidden = true; });
  $('notice-close').addEventListener('click', () => { $('notice').hidden = true; });
  $('type-select').addEventListener('change', (e) => { location.hash = listHash(e.target.value, list.archived); });
  for (const button of document.querySelectorAll('.toggle button')) {
    button.addEventListener('click', () => { location.hash = listHash(list.type, button.dataset.archived); });
  }
  $('load-more').addEventListener('click', () => runAction(loadMore));
  $('bulk-archive').addEventListener('click', () => runAction(() => bulk('archive')));
  $('bulk-restore').addEventListener('click', () => runAction(() => bulk('restore')));
  $('bulk-delete').addEventListener('click', () => runAction(() => bulk('purge')));
  $('bulk-clear').addEventListener('click', () => selectRows(false));
  window.addEventListener('hashchange', () => {
    clearBanners();
    if (noticeAfterNavigation) showNotice(noticeAfterNavigation);
    noticeAfterNavigation = null;
    route();
  });
  route();
});
