'use strict';
// The Archive page: what was archived together, one line per archive operation that still holds
// records, newest first (GET /operations?restorable=true, docs/api.md#operation-log), with Restore
// (undo the operation) and Delete forever (purge its roots) for each. Needs console.js and actions.js.

const archive = { cursor: null, operations: new Map(), generation: 0 };

async function showArchive() {
  showView('archive-view');
  $('operations').removeAttribute('data-loaded');
  await loadTypes();
  archive.generation += 1;
  Object.assign(archive, { cursor: null, operations: new Map() });
  fill($('archive-note'), roleNote());
  $('operations').replaceChildren();
  $('archive-empty').hidden = true;
  $('archive-more').hidden = true;
  await loadOperations();
  keepFocus($('archive-title'));
}

/** The next keyset page of archive operations that still hold records. */
async function loadOperations() {
  const generation = archive.generation;
  const params = new URLSearchParams({ restorable: 'true', limit: String(PAGE_SIZE) });
  if (archive.cursor) params.set('cursor', archive.cursor);
  const page = await api('GET', `/operations?${params}`);
  if (generation !== archive.generation) return; // the user moved on while this page loaded
  for (const op of (page && page.items) || []) {
    archive.operations.set(op.id, op);
    $('operations').append(renderOperation(op));
  }
  archive.cursor = page && page.next_cursor;
  $('archive-more').hidden = !archive.cursor;
  $('archive-empty').hidden = archive.operations.size > 0;
  $('operations').dataset.loaded = String(archive.operations.size); // for the browser tests: this page is in
}

/** Load more: the next page, with the focus on its first operation's first link. */
async function loadMoreOperations() {
  const first = archive.operations.size;
  await loadOperations();
  const item = $('operations').querySelectorAll('li.operation')[first];
  if (item) (item.querySelector('a') || item.querySelector('button')).focus();
}

/** The roots a line names: those the operation still holds, of its first 20 (the API names no more). */
const rootsOf = (op) => op.roots || [];

/** One archive operation: its roots by title, what it holds, by whom and when, when retention deletes it. */
function renderOperation(op) {
  const roots = rootsOf(op);
  const counts = Object.entries(countsOf(op)).map(([type, n]) => `${type} ${n}`).join(', ');
  const held = Number(op.still_archived);
  const button = (label, action, danger) => el('button', {
    type: 'button', class: danger ? 'danger' : null, 'data-action': action,
    onclick: () => runAction(() => actOnOperation(op, action)),
  }, label);
  return el('li', { class: 'operation', 'data-id': op.id },
    el('h2', { class: 'roots' }, roots.length
      ? roots.map((r, i) => [i ? ', ' : '', `${r.type} `, recordLink(r)])
      : 'Records archived together'),
    el('p', { class: 'what' }, `${plural(held, 'record')} archived`,
      held !== Number(op.total) ? ` (of ${op.total} at first: ${counts})` : ` (${counts})`),
    el('p', { class: 'muted by' }, 'by ', userText('strong', {}, op.actor), ' on ', timeNode(op.at)),
    op.purge_after ? el('p', { class: 'retention' }, retentionNode(op.purge_after)) : null,
    session.canLifecycle() && roots.length
      ? el('div', { class: 'actions' }, button('Restore', 'restore'), button('Delete forever', 'purge', true)) : null);
}

/**
 * Restore: undoes the operation (POST /operations/{id}/restore), after the restore preview of its
 * roots. Delete forever: the purge preview of its roots, named, with what else it destroys; then a
 * bulk delete of the roots, which purges them with their archived cascades (R3).
 */
async function actOnOperation(op, action) {
  clearBanners();
  const roots = rootsOf(op).map((r) => ({ ...r, deleted_at: op.at }));
  const previews = await Promise.all(roots.map((r) => preview(r, action)));
  const reached = previews.reduce((sum, p) => sum + total(countsOf(p)), 0);
  const body = [el('p', { class: 'summary' }, `${ACTIONS[action].will} ${plural(reached, 'record')}, archived by `,
    userText('span', {}, op.actor), ' on ', timeNode(op.at), ':')];
  roots.forEach((root, i) => body.push(el('section', { class: 'bulk-item', 'data-id': root.id },
    el('h3', {}, `${root.type} `, userText('span', {}, labelOf(root))), previewNodes(previews[i], action, true))));
  if (action === 'purge') body.push(cannotBeUndone());
  const blocked = previews.some((p) => blockersOf(p).length)
    ? 'Blocked: nothing can be done until what blocks it has changed.' : null;
  const title = roots.length === 1 ? labelOf(roots[0]) : null;
  const confirmed = await confirmDialog(
    action === 'purge' ? `Delete forever what ${text(op.actor)} archived?` : `Restore what ${text(op.actor)} archived?`,
    body, action === 'purge' ? 'Delete forever' : 'Restore',
    { danger: action === 'purge', blocked, typed: action === 'purge' ? typedConfirm(reached, title) : null });
  if (!confirmed) return;
  let message;
  if (action === 'restore') {
    const result = await change('POST', `/operations/${op.id}/restore`, {});
    message = `Restored ${plural(total(countsOf(result && result.operation)) || reached, 'record')}.`;
  } else {
    const result = await change('POST', '/records/bulk/delete', { ids: roots.map((r) => r.id) });
    const items = (result && result.items) || [];
    const failed = items.filter((item) => item.outcome === 'error');
    await showArchive();
    if (failed.length) {
      showError(`${plural(failed.length, 'record')} refused: ${failed.map(itemMessage).join('; ')}`);
      return;
    }
    message = `Permanently deleted ${plural(reached, 'record')}.`;
  }
  if (action === 'restore') await showArchive();
  showNotice(message);
}

document.addEventListener('DOMContentLoaded', () => {
  $('archive-more').addEventListener('click', () => runAction(loadMoreOperations));
});
