'use strict';
// The record page: attributes, parents and dependents (links), state, version, the history of
// operations, and the Archive, Restore and Delete permanently buttons. Needs console.js and actions.js.

// R10: what to say when the record changed under the page (a 412 on If-Match); the page is then reloaded.
const STALE_RECORD = 'Someone changed this record since you opened it, so nothing was done. It has been reloaded:'
  + ' check it, then try again.';

async function showRecord(id) {
  showView('record-view');
  const view = $('record-view');
  view.removeAttribute('data-id');
  view.removeAttribute('data-failed');
  fill(view, el('p', { class: 'muted', role: 'status' }, 'Loading…'));
  let record;
  let related;
  try {
    await loadTypes();
    record = await api('GET', `/records/${encodeURIComponent(id)}`);
    related = await Promise.all([
      Promise.all((record.parents || []).map((pid) => api('GET', `/records/${pid}`).catch(() => ({ id: pid })))),
      api('GET', `/records?${new URLSearchParams({ parent: record.id, archived: 'any', limit: '100' })}`),
      api('GET', `/records/${record.id}/history`),
    ]);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    fill(view, ...recordUnavailable(error));
    view.dataset.failed = 'true'; // for the browser tests: this page has failed, for good
    keepFocus($('record-title'));
    return;
  }
  fill(view, ...recordNodes(record, ...related));
  view.dataset.id = record.id; // for the browser tests: this record is in
  view.dataset.version = String(record.version);
  keepFocus($('record-title'));
}

/** A record that cannot be loaded (unknown, purged, not an id, the service away): why, and the way back. */
function recordUnavailable(error) {
  return [
    el('p', {}, el('a', { class: 'back', href: list.type ? listHash(list.type, list.archived) : '#/list' }, '← back to the list')),
    el('h1', { id: 'record-title', tabindex: '-1' }, 'This record cannot be shown'),
    el('p', { class: 'problem' }, error.message),
  ];
}

function recordNodes(record, parents, dependents, history) {
  const archived = Boolean(record.deleted_at);
  const act = (action) => () => runAction(async () => {
    clearBanners();
    let message;
    try {
      message = await actOnRecord(record, action);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'PRECONDITION_FAILED') throw error;
      await showRecord(record.id); // the stale version must not stay on screen
      showError(STALE_RECORD);
      return;
    }
    if (!message) return;
    if (action === 'purge') navigate(listHash(record.type, 'true'), message);
    else {
      await showRecord(record.id);
      showNotice(message);
    }
  });
  const button = (id, label, action, danger) => el('button', { type: 'button', id, class: danger ? 'danger' : null, onclick: act(action) }, label);
  const fields = [
    ['id', record.id], ['key', record.key && userText('span', {}, record.key)], ['type', record.type],
    ['version', record.version], ['archived', timeNode(record.deleted_at)],
    ['archived by', archived && userText('span', {}, record.updated_by)],
    ['archive operation', record.archive_operation], ['retention', retentionNode(record.purge_after)],
    ['created', [timeNode(record.created_at), ' by ', userText('span', {}, record.created_by)]],
    ['updated', [timeNode(record.updated_at), ' by ', userText('span', {}, record.updated_by)]],
  ].filter(([, value]) => value !== null && value !== undefined && value !== '' && value !== false);
  const items = (dependents && dependents.items) || [];
  return [
    el('p', {}, el('a', { class: 'back', href: listHash(record.type, archived ? 'true' : 'false') }, `← ${record.type} list`)),
    el('h1', { id: 'record-title', tabindex: '-1' }, `${record.type} `, userText('span', {}, labelOf(record)), ' ', stateBadge(record)),
    session.canLifecycle() ? el('div', { class: 'actions' },
      !archived && archivable(record) ? button('record-archive', 'Archive', 'archive') : null,
      archived ? button('record-restore', 'Restore', 'restore') : null,
      archived || !archivable(record) ? button('record-delete', 'Delete permanently', 'purge', true) : null) : roleNote(),
    el('table', { class: 'fields' }, fields.map(([name, value]) => el('tr', {}, el('th', {}, name),
      el('td', {}, typeof value === 'object' ? value : String(value))))),
    el('h2', {}, 'Attributes'),
    el('table', { class: 'fields', id: 'attributes' },
      Object.entries(record.attributes || {}).map(([name, value]) => el('tr', {}, el('th', {}, name), userText('td', {}, value)))),
    el('h2', {}, 'Parents'),
    linkList('parents', parents),
    el('h2', {}, 'Dependents'),
    linkList('dependents', items, dependents && dependents.next_cursor ? 'and more' : null),
    el('h2', {}, 'History'),
    historyTable(Array.isArray(history) ? history : (history && history.items) || [], record),
  ];
}

function linkList(id, records, more) {
  if (!records.length) return el('p', { class: 'muted', id }, 'none');
  return el('ul', { class: 'links', id },
    records.map((r) => el('li', { 'data-id': r.id }, r.type ? `${r.type} ` : '', recordLink(r), ' ', r.type ? stateBadge(r) : '', ' ', retentionNode(r.purge_after))),
    more ? el('li', { class: 'muted' }, more) : null);
}

function historyTable(operations, record) {
  if (!operations.length) return el('p', { class: 'muted' }, 'No archive, restore or purge has touched this record.');
  return el('table', { class: 'history' },
    el('tr', {}, ['when', 'operation', 'by', 'records'].map((h) => el('th', {}, h))),
    operations.map((op) => el('tr', { class: op.id === record.archive_operation ? 'current' : null },
      el('td', {}, timeNode(op.at)), el('td', {}, text(op.kind)), userText('td', {}, op.actor),
      el('td', {}, Object.entries(countsOf(op)).map(([t, n]) => `${t} ${n}`).join(', ')))));
}
