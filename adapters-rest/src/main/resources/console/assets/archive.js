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

/** The roots a line names: those the operation still holds, of its first ROOTS_NAMED (the API names no more). */
const rootsOf = (op) => op.roots || [];
const ROOTS_NAMED = 20;
// Records a purge of the Archive page sends in one bulk request, under the service's default limit (1,000)
// with room for a deployment that lowers it.
const BULK_CHUNK = 100;
// Requests in flight at once when the page reads many records: bounded, not one per root at once.
const AT_ONCE = 6;

/** fn over items, AT_ONCE at a time, the results in the items' order. */
async function inBatches(items, fn) {
  const results = [];
  for (let i = 0; i < items.length; i += AT_ONCE) {
    results.push(...await Promise.all(items.slice(i, i + AT_ONCE).map(fn)));
  }
  return results;
}

/**
 * Every root the operation still holds. A line names those of its first ROOTS_NAMED roots that it still
 * holds; an operation may have more (a bulk archive of up to 1,000 records, a seed), so its later roots
 * are read and kept when this operation still holds them: one restored or archived again since is not
 * its own.
 */
async function heldRoots(op) {
  const operation = await api('GET', `/operations/${op.id}`).catch(() => null);
  const later = ((operation && operation.roots) || []).slice(ROOTS_NAMED);
  const others = await inBatches(later, (id) => api('GET', `/records/${id}`).catch(() => null));
  return rootsOf(op).concat(others.filter((r) => r && r.archive_operation === op.id));
}

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
    session.canLifecycle() && held > 0
      ? el('div', { class: 'actions' }, button('Restore', 'restore'), button('Delete forever', 'purge', true)) : null);
}

/**
 * Restore: undoes the operation (POST /operations/{id}/restore), after the restore preview of its
 * roots. Delete forever: the purge preview of its roots, named, with what else it destroys; then bulk
 * deletes of the roots, which purge them with their archived cascades (R3). Both act on every root the
 * operation still holds, not only on those its line names; the dialog names the first ROOTS_NAMED and
 * counts the rest, and shows any root that is blocked.
 */
async function actOnOperation(op, action) {
  clearBanners();
  const roots = (await heldRoots(op)).map((r) => ({ ...r, deleted_at: op.at }));
  if (!roots.length) {
    showError('None of the records this archive began from is still archived by it: act on its records one by one.');
    return;
  }
  const named = roots.slice(0, ROOTS_NAMED);
  const rest = roots.slice(ROOTS_NAMED);
  const previews = (await Promise.all(named.map((r) => preview(r, action)))).concat(await inBatches(rest,
    (r) => api('GET', `/records/${r.id}/preview?action=${ACTIONS[action].preview}`)));
  // What the archive holds, as its line says: exact, where adding up the roots' previews would count twice a
  // record that two of its roots reach (a root archived inside another's subtree before that one was).
  const held = Number(op.still_archived);
  const body = [el('p', { class: 'summary' }, `${ACTIONS[action].will} ${plural(held, 'record')}, archived by `,
    userText('span', {}, op.actor), ' on ', timeNode(op.at), ':')];
  roots.forEach((root, i) => {
    if (i >= ROOTS_NAMED && !blockersOf(previews[i]).length) return;
    body.push(el('section', { class: 'bulk-item', 'data-id': root.id },
      el('h3', {}, `${root.type} `, userText('span', {}, labelOf(root))), previewNodes(previews[i], action, true)));
  });
  if (rest.length) {
    body.push(el('p', { class: 'more-roots' }, `And ${plural(rest.length, 'more record')} archived together with these, with what they hold.`));
  }
  if (action === 'purge') body.push(cannotBeUndone());
  const blocked = previews.some((p) => blockersOf(p).length)
    ? 'Blocked: nothing can be done until what blocks it has changed.' : null;
  const title = roots.length === 1 ? labelOf(roots[0]) : null;
  const confirmed = await confirmDialog(
    action === 'purge' ? `Delete forever what ${text(op.actor)} archived?` : `Restore what ${text(op.actor)} archived?`,
    body, action === 'purge' ? 'Delete forever' : 'Restore',
    { danger: action === 'purge', blocked, typed: action === 'purge' ? typedConfirm(held, title) : null });
  if (!confirmed) return;
  let message;
  if (action === 'restore') {
    const result = await change('POST', `/operations/${op.id}/restore`, {});
    message = `Restored ${plural(total(countsOf(result && result.operation)), 'record')}.`;
  } else {
    const failed = [];
    let purged = 0; // what the purges' operations counted: with what they destroyed of other archives
    for (let i = 0; i < roots.length; i += BULK_CHUNK) {
      const chunk = roots.slice(i, i + BULK_CHUNK).map((r) => r.id);
      const result = await change('POST', '/records/bulk/delete', { ids: chunk });
      failed.push(...((result && result.items) || []).filter((item) => item.outcome === 'error'));
      purged += ((result && result.operations) || []).reduce((sum, o) => sum + total(countsOf(o)), 0);
    }
    await showArchive();
    if (failed.length) {
      showError(`${plural(failed.length, 'record')} refused: ${failed.map(itemMessage).join('; ')}`);
      return;
    }
    message = `Permanently deleted ${plural(purged, 'record')}.`;
  }
  if (action === 'restore') await showArchive();
  showNotice(message);
}

document.addEventListener('DOMContentLoaded', () => {
  $('archive-more').addEventListener('click', () => runAction(loadMoreOperations));
});
