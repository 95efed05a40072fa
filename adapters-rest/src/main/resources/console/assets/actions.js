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
/** R13's preview of one record, with the names a person reads in place of the ids it quotes (namePreview). */
async function preview(record, action) {
  return namePreview(await api('GET', `/records/${record.id}/preview?action=${ACTIONS[action].preview}`));
}

// How many ids of a preview (blockers' records, what stays archived) are looked up by name; past it, ids.
const NAMES_LOOKED_UP = 20;

/**
 * Titles instead of ids (SPEC §1's display rule): a preview quotes the records of its blockers and
 * what stays archived by id, and the other archives a purge destroys by operation id. Looks up a few
 * of each (bounded), into p.names (id → record) and p.operations (id → operation); what cannot be
 * read (not allowed, gone) keeps its id.
 */
async function namePreview(p) {
  const ids = new Set();
  for (const b of blockersOf(p)) for (const id of b.records || []) ids.add(id);
  for (const entry of (p && p.left_archived) || []) {
    ids.add(entry.id);
    for (const id of entry.archived_parents || []) ids.add(id);
  }
  const named = Object.values((p && p.named) || {}).flat();
  for (const r of named) ids.delete(r.id); // already named by the preview itself
  const records = await Promise.all([...ids].slice(0, NAMES_LOOKED_UP)
    .map((id) => api('GET', `/records/${id}`).catch(() => null)));
  const operations = await Promise.all(((p && p.also_destroys) || []).map((also) =>
    api('GET', `/operations/${also.operation}`).catch(() => null)));
  p.names = new Map([...named, ...records.filter(Boolean)].map((r) => [r.id, r]));
  p.operations = new Map(operations.filter(Boolean).map((op) => [op.id, op]));
  return p;
}

/** A record a preview quotes by id: its type and title as a link when it was looked up, else the id. */
function quoted(p, id) {
  const record = p.names && p.names.get(id);
  return record ? [`${record.type} `, recordLink(record)] : [el('code', {}, id)];
}

/** The text of a blocker's detail with the records it quotes by id named instead. */
function detailNamed(p, b) {
  let detail = text(b.detail || b.message);
  for (const id of b.records || []) {
    const record = p.names && p.names.get(id);
    if (record) detail = detail.split(id).join(`“${labelOf(record)}”`);
  }
  return detail;
}

/** R13: the records the action touches by name, the first of each type, and how many more there are. */
function namedNodes(p) {
  const counts = countsOf(p);
  return Object.entries((p && p.named) || {}).filter(([, records]) => records.length).map(([type, records]) => {
    const more = Number(counts[type] || records.length) - records.length;
    return el('p', { class: 'named', 'data-type': type }, el('span', { class: 'type' }, `${type}: `),
      records.map((r, i) => [i ? ', ' : '', userText('span', { class: 'name' }, labelOf(r))]),
      more > 0 ? ` and ${more} more` : '');
  });
}

/** R13: a purge destroys too the records of other archives that its cascade reaches; said before, with whose they are. */
function alsoDestroysNode(p) {
  const also = (p && p.also_destroys) || [];
  if (!also.length) return null;
  const n = also.reduce((sum, a) => sum + Number(a.count), 0);
  return el('div', { class: 'warning also-destroys' },
    el('p', {}, `This also destroys ${plural(n, 'record')} that ${also.length === 1 ? 'another archive holds' : `${also.length} other archives hold`}: `
      + 'they were archived on their own, and could be restored with it until now.'),
    el('ul', {}, also.map((a) => {
      const op = p.operations && p.operations.get(a.operation);
      return el('li', {}, plural(Number(a.count), 'record'), ' of ',
        op ? ['the archive by ', userText('span', {}, op.actor), ' on ', timeNode(op.at)] : ['archive ', el('code', {}, a.operation)]);
    })));
}

/** What a preview says, as nodes: counts per type (a table, or one line when compact), the records by name, what stays archived, the blockers. */
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
  nodes.push(...namedNodes(p));
  const left = (p && p.left_archived) || [];
  if (left.length) {
    nodes.push(el('p', {}, `${plural(left.length, 'record')} archived together with it will stay archived:`),
      el('ul', { class: 'left-archived' }, left.map((entry) => el('li', {},
        quoted(p, entry.id), ': ',
        (entry.archived_parents || []).length
          ? ['its parent ', (entry.archived_parents || []).map((id, i) => [i ? ', ' : '', quoted(p, id)]), ' stays archived']
          : text(entry.reason)))));
  }
  nodes.push(alsoDestroysNode(p));
  const blockers = blockersOf(p);
  if (blockers.length) {
    nodes.push(el('ul', { class: 'blockers' }, blockers.map((b) => el('li', {},
      el('strong', {}, 'Blocked: '), detailNamed(p, b), ' ',
      (b.records || []).filter((id) => p.names && p.names.get(id)).map((id) => [quoted(p, id), ' ']),
      b.code ? el('code', {}, b.code) : null))));
  }
  return nodes.filter(Boolean);
}

const cannotBeUndone = () => el('p', { class: 'warning' },
  'This cannot be undone: the records and their attributes are deleted for good. '
  + 'Only the operation log keeps their ids and counts.');

/** A permanent delete of more than this many records is confirmed by typing (the title, or the number). */
const TYPE_TO_CONFIRM_OVER = 10;

/** What to type to confirm a permanent delete of `n` records: the record's title (one root), or the number. */
function typedConfirm(n, title) {
  if (n <= TYPE_TO_CONFIRM_OVER) return null;
  return title
    ? { answers: [title, String(n)], label: `This deletes ${n} records for good. Type “${title}” (or ${n}) to confirm:` }
    : { answers: [String(n)], label: `This deletes ${n} records for good. Type ${n} to confirm:` };
}

/**
 * Shows the confirm dialog; resolves to true when the user confirms. `blocked`, when given, says why
 * the action cannot be confirmed: the button is then disabled and described by that sentence.
 * `typed`, when given ({answers, label}), keeps it disabled until one of the answers is typed.
 */
function confirmDialog(title, body, okLabel, { danger = false, blocked = null, typed = null } = {}) {
  const dialog = $('confirm');
  $('confirm-title').textContent = title;
  fill($('confirm-body'), body);
  const ok = $('confirm-ok');
  ok.textContent = okLabel;
  ok.className = danger ? 'danger' : 'primary';
  const input = $('confirm-typed-input');
  const typedRight = () => !typed || typed.answers.includes(input.value.trim());
  const update = () => { ok.disabled = Boolean(blocked) || !typedRight(); };
  $('confirm-typed').hidden = !typed || Boolean(blocked);
  $('confirm-typed-label').textContent = typed ? typed.label : '';
  input.value = '';
  input.oninput = update;
  update();
  $('confirm-why').textContent = blocked || '';
  $('confirm-why').hidden = !blocked;
  if (blocked) ok.setAttribute('aria-describedby', 'confirm-why'); else ok.removeAttribute('aria-describedby');
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' && typedRight()), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    if (typed && !blocked) input.focus();
  });
}

/**
 * Undo (restore by operation, docs/lifecycle.md#undo): restores what the archive operations hold, then
 * redraws the page shown and says what came back.
 */
function undoArchive(operationIds) {
  return async () => {
    let restored = 0;
    for (const id of operationIds) {
      const result = await change('POST', `/operations/${id}/restore`, {});
      restored += total(countsOf(result && result.operation));
    }
    await showPage();
    showNotice(`Undone: restored ${plural(restored, 'record')}.`);
  };
}

/**
 * One record: preview, confirm, act. Resolves to {text, undo}: the sentence saying what happened and,
 * after an archive, its Undo; or null when the user cancelled. Archive is the PATCH form, so that it can never purge (R4 purges on DELETE).
 */
async function actOnRecord(record, action) {
  const p = await preview(record, action);
  const body = previewNodes(p, action);
  if (action === 'purge') body.push(cannotBeUndone());
  const confirmed = await confirmDialog(`${ACTIONS[action].ask} ${record.type} ${labelOf(record)}?`, body,
    ACTIONS[action].verb, {
      danger: action === 'purge',
      blocked: blockersOf(p).length ? 'Blocked: nothing can be done until what blocks it has changed.' : null,
      typed: action === 'purge' ? typedConfirm(total(countsOf(p)), labelOf(record)) : null,
    });
  if (!confirmed) return null;
  let result;
  if (action === 'archive') result = await change('PATCH', `/records/${record.id}`, { archived: true }, record.version);
  else if (action === 'restore') result = await change('POST', `/records/${record.id}/restore`, undefined, record.version);
  else result = await change('DELETE', `/records/${record.id}`, undefined, record.version);
  // PATCH answers with the record alone: then the preview the user confirmed says how many.
  const done = total(countsOf(result && result.operation)) || total(countsOf(p)) || 1;
  const left = (result && result.left_archived) || [];
  // The archive's operation: the archived record carries it (PATCH answers with the record).
  const archivedBy = action === 'archive' && result && (result.archive_operation || (result.record && result.record.archive_operation));
  return {
    text: `${ACTIONS[action].done} ${plural(done, 'record')}.`
      + (left.length ? ` ${plural(left.length, 'record')} stayed archived.` : ''),
    undo: archivedBy ? undoArchive([archivedBy]) : null,
  };
}

/**
 * Several records: each selected row that the action applies to is previewed, and the dialog
 * lists them one by one (overlapping subtrees are not added up, so nothing is counted twice).
 * Rows with a blocker are refused by the server and the others go ahead (R12, not atomic).
 * Resolves to {message, failed, undo} once done (undo: after an archive), or null when the user cancelled.
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
  // A large delete is confirmed by typing how many records were selected: the previews' counts added up would
  // count twice what two selected subtrees share, so their sum only says whether to ask.
  const reached = previews.reduce((sum, p) => sum + total(countsOf(p)), 0);
  const typed = action === 'purge' && reached > TYPE_TO_CONFIRM_OVER ? {
    answers: [String(acting.length)],
    label: `This deletes ${plural(acting.length, 'selected record')} and what they hold for good. Type ${acting.length} to confirm:`,
  } : null;
  const confirmed = await confirmDialog(`${ACTIONS[action].ask} ${plural(acting.length, 'record')}?`, body,
    ACTIONS[action].verb, { danger: action === 'purge', blocked, typed });
  if (!confirmed) return null;

  const result = await change('POST', `/records/bulk/${ACTIONS[action].bulk}`, { ids: acting.map((r) => r.id) });
  const items = (result && result.items) || [];
  const outcomes = {};
  for (const item of items) if (item.outcome !== 'error') outcomes[item.outcome] = (outcomes[item.outcome] || 0) + 1;
  const summary = Object.entries(outcomes).map(([outcome, n]) => `${outcome} ${n}`).join(', ') || 'nothing changed';
  const byId = new Map(acting.map((r) => [r.id, r]));
  const failed = items.filter((item) => item.outcome === 'error').map((item) =>
    `${labelOf(byId.get(item.id) || item)}: ${itemMessage(item)}`);
  const archives = action === 'archive'
    ? ((result && result.operations) || []).filter((op) => op.kind === 'archive').map((op) => op.id) : [];
  return { message: `Done: ${summary}.`, failed, undo: archives.length ? undoArchive(archives) : null };
}
