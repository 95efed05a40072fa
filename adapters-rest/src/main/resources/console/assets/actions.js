'use strict';
// Archive, restore and permanent delete, of one record or of a selection. Each one first shows
// the preview (R13) in a confirm dialog: counts per type, what stays archived and why, and
// the blockers with their messages. Needs api.js and the helpers of console.js.

// verb: the button; ask: the dialog's question; will: its summary; done: the message after.
const ACTIONS = {
  archive: { verb: 'Archive', ask: 'Archive', will: 'Will archive', done: 'Archived', preview: 'archive', bulk: 'archive', applies: (r) => !r.deleted_at },
  restore: { verb: 'Restore', ask: 'Restore', will: 'Will restore', done: 'Restored', preview: 'restore', bulk: 'restore', applies: (r) => Boolean(r.deleted_at) },
  purge: { verb: 'Delete permanently', ask: 'Permanently delete', will: 'Will permanently delete', done: 'Permanently deleted', preview: 'purge', bulk: 'delete', applies: () => true },
};

const countsOf = (thing) => (thing && (thing.counts_per_type || thing.counts)) || {};
const total = (counts) => Object.values(counts).reduce((a, b) => a + Number(b), 0);
const blockersOf = (p) => (p && p.blockers) || [];
/** A bulk item's error: `error` may be the problem itself or its code, with `message` beside it. */
function itemMessage(item) {
  const error = item.error && typeof item.error === 'object' ? item.error : {};
  return text(error.detail || error.message || item.message || item.detail || item.error);
}
const preview = (record, action) => api('GET', `/records/${record.id}/preview?action=${ACTIONS[action].preview}`);

/** What a preview says, as nodes: counts per type (a table, or one line when compact), what stays archived, the blockers. */
function previewNodes(p, action, compact) {
  const counts = countsOf(p);
  const perType = Object.entries(counts).map(([type, n]) => `${type} ${n}`).join(', ');
  const nodes = [compact
    ? el('p', { class: 'counts' }, `${plural(total(counts), 'record')}: ${perType}`)
    : el('p', { class: 'summary' }, `${ACTIONS[action].will} ${plural(total(counts), 'record')} in all:`)];
  if (!compact && Object.keys(counts).length) {
    nodes.push(el('table', { class: 'counts' },
      el('tr', {}, el('th', {}, 'type'), el('th', {}, 'records')),
      Object.entries(counts).map(([type, n]) => el('tr', {}, el('td', {}, type), el('td', {}, String(n))))));
  }
  const left = (p && p.left_archived) || [];
  if (left.length) {
    nodes.push(el('p', {}, `${plural(left.length, 'record')} archived together with it will stay archived:`),
      el('ul', { class: 'left-archived' }, left.map((entry) => el('li', {},
        `${entry.type || 'record'} `, userText('span', {}, labelOf(entry)), ': ',
        entry.reason || `its parent ${(entry.archived_parents || []).join(', ')} stays archived`))));
  }
  const blockers = blockersOf(p);
  if (blockers.length) {
    nodes.push(el('ul', { class: 'blockers' }, blockers.map((b) => el('li', {},
      el('strong', {}, 'Blocked: '), text(b.detail || b.message), ' ', b.code ? el('code', {}, b.code) : null))));
  }
  return nodes;
}

const cannotBeUndone = () => el('p', { class: 'warning' },
  'This cannot be undone: the records and their attributes are deleted for good. '
  + 'Only the operation log keeps their ids and counts.');

/**
 * Shows the confirm dialog; resolves to true when the user confirms. `blocked`, when given, says why
 * the action cannot be confirmed: the button is then disabled and described by that sentence.
 */
function confirmDialog(title, body, okLabel, { danger = false, blocked = null } = {}) {
  const dialog = $('confirm');
  $('confirm-title').textContent = title;
  fill($('confirm-body'), body);
  const ok = $('confirm-ok');
  ok.textContent = okLabel;
  ok.className = danger ? 'danger' : 'primary';
  ok.disabled = Boolean(blocked);
  $('confirm-why').textContent = blocked || '';
  $('confirm-why').hidden = !blocked;
  if (blocked) ok.setAttribute('aria-describedby', 'confirm-why'); else ok.removeAttribute('aria-describedby');
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

/**
 * One record: preview, confirm, act. Resolves to a sentence saying what happened, or null when
 * the user cancelled. Archive is the PATCH form, so that it can never purge (R4 purges on DELETE).
 */
async function actOnRecord(record, action) {
  const p = await preview(record, action);
  const body = previewNodes(p, action);
  if (action === 'purge') body.push(cannotBeUndone());
  const confirmed = await confirmDialog(`${ACTIONS[action].ask} ${record.type} ${labelOf(record)}?`, body,
    ACTIONS[action].verb, {
      danger: action === 'purge',
      blocked: blockersOf(p).length ? 'Blocked: nothing can be done until what blocks it has changed.' : null,
    });
  if (!confirmed) return null;
  let result;
  if (action === 'archive') result = await change('PATCH', `/records/${record.id}`, { archived: true }, record.version);
  else if (action === 'restore') result = await change('POST', `/records/${record.id}/restore`, undefined, record.version);
  else result = await change('DELETE', `/records/${record.id}`, undefined, record.version);
  // PATCH answers with the record alone: then the preview the user confirmed says how many.
  const done = total(countsOf(result && result.operation)) || total(countsOf(p)) || 1;
  const left = (result && result.left_archived) || [];
  return `${ACTIONS[action].done} ${plural(done, 'record')}.`
    + (left.length ? ` ${plural(left.length, 'record')} stayed archived.` : '');
}

/**
 * Several records: each selected row that the action applies to is previewed, and the dialog
 * lists them one by one (overlapping subtrees are not added up, so nothing is counted twice).
 * Rows with a blocker are refused by the server and the others go ahead (R12, not atomic).
 * Resolves to {message, failed} once done, or null when the user cancelled.
 */
async function actOnSelection(selected, action) {
  const acting = selected.filter(ACTIONS[action].applies);
  const skipped = selected.length - acting.length;
  const previews = [];
  for (let i = 0; i < acting.length; i += 6) { // a few at a time, not hundreds of requests at once
    previews.push(...await Promise.all(acting.slice(i, i + 6).map((r) => preview(r, action))));
  }
  const body = [el('p', { class: 'summary' }, `${ACTIONS[action].will} ${plural(acting.length, 'selected record')}`
    + (skipped ? ` (${skipped} skipped: not ${action === 'archive' ? 'active' : 'archived'})` : '') + '.')];
  acting.forEach((record, i) => body.push(el('section', { class: 'bulk-item', 'data-id': record.id },
    el('h3', {}, `${record.type} `, userText('span', {}, labelOf(record))), previewNodes(previews[i], action, true))));
  const going = previews.filter((p) => !blockersOf(p).length).length;
  if (going > 0 && going < acting.length) {
    body.push(el('p', { class: 'warning' }, 'Records with a blocker will be refused; the others go ahead.'));
  }
  if (action === 'purge') body.push(cannotBeUndone());
  let blocked = null;
  if (acting.length === 0) blocked = `None of the selected records is ${action === 'archive' ? 'active' : 'archived'}: nothing would change.`;
  else if (going === 0) blocked = 'Every selected record is blocked: nothing would change.';
  const confirmed = await confirmDialog(`${ACTIONS[action].ask} ${plural(acting.length, 'record')}?`, body,
    ACTIONS[action].verb, { danger: action === 'purge', blocked });
  if (!confirmed) return null;

  const result = await change('POST', `/records/bulk/${ACTIONS[action].bulk}`, { ids: acting.map((r) => r.id) });
  const items = (result && result.items) || [];
  const outcomes = {};
  for (const item of items) if (item.outcome !== 'error') outcomes[item.outcome] = (outcomes[item.outcome] || 0) + 1;
  const summary = Object.entries(outcomes).map(([outcome, n]) => `${outcome} ${n}`).join(', ') || 'nothing changed';
  const byId = new Map(acting.map((r) => [r.id, r]));
  const failed = items.filter((item) => item.outcome === 'error').map((item) =>
    `${labelOf(byId.get(item.id) || item)}: ${itemMessage(item)}`);
  return { message: `Done: ${summary}.`, failed };
}
