'use strict';
// The record page: attributes, parents and dependents (links), state, version, the history of
// operations, and the Archive, Restore and Delete permanently buttons. Needs console.js and actions.js.

async function showRecord(id) {
  showView('record-view');
  const view = $('record-view');
  view.removeAttribute('data-id');
  view.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  await loadTypes();
  const record = await api('GET', `/records/${encodeURIComponent(id)}`);
  const [parents, dependents, history] = await Promise.all([
    Promise.all((record.parents || []).map((pid) => api('GET', `/records/${pid}`).catch(() => ({ id: pid })))),
    api('GET', `/records?${new URLSearchParams({ parent: record.id, archived: 'any', limit: '100' })}`),
    api('GET', `/records/${record.id}/history`),
  ]);
  view.replaceChildren(...recordNodes(record, parents, dependents, history));
  view.dataset.id = record.id; // for the browser tests: this record is in
  view.dataset.version = String(record.version);
}

function recordNodes(record, parents, dependents, history) {
  const archived = Boolean(record.deleted_at);
  const act = (action) => () => guarded(async () => {
    clearBanners();
    const message = await actOnRecord(record, action);
    if (!message) return;
    if (action === 'purge') navigate(listHash(record.type, 'true'), message);
    else {
      await showRecord(record.id);
      showNotice(message);
    }
  });
  const button = (id, label, action, danger) => el('button', { type: 'button', id, class: danger ? 'danger' : null, onclick: act(action) }, label);
  const fields = [
    ['id', record.id], ['key', record.key], ['type', record.type], ['version', record.version],
    ['deleted_at', record.deleted_at], ['archived by', archived ? record.updated_by : null],
    ['archive_operation', record.archive_operation], ['purge_after', record.purge_after],
    ['created', `${when(record.created_at)} by ${text(record.created_by)}`],
    ['updated', `${when(record.updated_at)} by ${text(record.updated_by)}`],
  ].filter(([, value]) => value !== null && value !== undefined && value !== '');
  const items = (dependents && dependents.items) || [];
  return [
    el('p', {}, el('a', { class: 'back', href: listHash(record.type, archived ? 'true' : 'false') }, `← ${record.type} list`)),
    el('h1', {}, `${record.type} ${labelOf(record)} `, stateBadge(record)),
    session.canLifecycle() ? el('div', { class: 'actions' },
      !archived && archivable(record) ? button('record-archive', 'Archive', 'archive') : null,
      archived ? button('record-restore', 'Restore', 'restore') : null,
      archived || !archivable(record) ? button('record-delete', 'Delete permanently', 'purge', true) : null) : null,
    el('table', { class: 'fields' }, fields.map(([name, value]) => el('tr', {}, el('th', {}, name), el('td', {}, text(value))))),
    el('h2', {}, 'Attributes'),
    el('table', { class: 'fields', id: 'attributes' },
      Object.entries(record.attributes || {}).map(([name, value]) => el('tr', {}, el('th', {}, name), el('td', {}, text(value))))),
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
    records.map((r) => el('li', { 'data-id': r.id }, r.type ? `${r.type} ` : '', recordLink(r), ' ', r.type ? stateBadge(r) : '')),
    more ? el('li', { class: 'muted' }, more) : null);
}

function historyTable(operations, record) {
  if (!operations.length) return el('p', { class: 'muted' }, 'No archive, restore or purge has touched this record.');
  return el('table', { class: 'history' },
    el('tr', {}, ['when', 'operation', 'by', 'records'].map((h) => el('th', {}, h))),
    operations.map((op) => el('tr', { class: op.id === record.archive_operation ? 'current' : null },
      el('td', {}, when(op.at)), el('td', {}, text(op.kind)), el('td', {}, text(op.actor)),
      el('td', {}, Object.entries(countsOf(op)).map(([t, n]) => `${t} ${n}`).join(', ')))));
}
