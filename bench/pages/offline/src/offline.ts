/**
 * The offline-store benchmark page (issue 7 rows 5 and 6), driven by bench/src/offline.bench.ts
 * through `window.offlineBench`. Three sides write the same records into the same indexes:
 *  - ours: @gongfang/offline — pulled pages through the sync client's page writer, drafts
 *    through `OfflineStore.saveDraft`, the open + newest 50 + pending through a fresh store;
 *  - dexie: raw Dexie (`bulkPut` per batch, `put` per draft, a keyset query);
 *  - floor: raw IndexedDB, a put loop in one transaction per batch, one transaction per draft.
 */
import { OfflineStore, type StoredRecord } from '@gongfang/offline';
import type { PullResponse, RecordEnvelope } from '@gongfang/schema';
import { Dexie } from 'dexie';
// The page writer of SyncClient's pull (one transaction per page with its cursor); not public API.
import { applyPullPage } from '../../../../packages/offline/src/sync/applyPull.ts';

type Side = 'ours' | 'dexie' | 'floor';

const APP = 'inventory';
const FORM = 'stock_in';
const USER = 'wang';
const RECORD_INDEXES = 'id, status, userId, [app+form+savedAt], [status+savedAt], [app+version]';
const DRAFT_INDEXES = 'recordId, userId, [userId+updatedAt]';
const T0 = Date.UTC(2026, 0, 1);

/** A record of `fields` text fields of about 48 characters each (40 fields ≈ 2 KB as JSON). */
function envelope(i: number, fields: number, form = FORM): RecordEnvelope {
  const data: Record<string, unknown> = {};
  for (let f = 0; f < fields; f++) data[`f${f}`] = `value ${i}-${f} of the stock-in line, batch B${i % 97}`;
  const at = new Date(T0 + i * 1000).toISOString();
  const hex = i.toString(16).padStart(12, '0');
  return {
    id: `0190a000-0000-7000-8000-${hex}`,
    app: APP,
    form,
    version: 1,
    revision: 1,
    data,
    createdBy: USER,
    createdAt: at,
    updatedAt: at,
    deviceId: 'bench-device',
  };
}

/** What a synced record looks like in the store (the shape every side writes). */
function storedRow(e: RecordEnvelope, seq: number, status: StoredRecord['status'] = 'synced'): StoredRecord {
  return {
    id: e.id,
    envelope: e,
    app: e.app,
    form: e.form,
    version: e.version,
    status,
    userId: e.createdBy,
    serverRevision: e.revision,
    seq,
    savedAt: Date.parse(e.updatedAt ?? e.createdAt),
  };
}

function peerDexie(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ records: RECORD_INDEXES, drafts: DRAFT_INDEXES });
  return db;
}

function rawOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      const records = db.createObjectStore('records', { keyPath: 'id' });
      records.createIndex('status', 'status');
      records.createIndex('userId', 'userId');
      records.createIndex('app+form+savedAt', ['app', 'form', 'savedAt']);
      records.createIndex('status+savedAt', ['status', 'savedAt']);
      records.createIndex('app+version', ['app', 'version']);
      const drafts = db.createObjectStore('drafts', { keyPath: 'recordId' });
      drafts.createIndex('userId', 'userId');
      drafts.createIndex('userId+updatedAt', ['userId', 'updatedAt']);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // A connection closed a moment ago may still be finishing its last transaction: 'blocked'
    // fires, then 'success' once it has closed. A connection that never closes hangs the run,
    // which the benchmark's time limit reports.
  });
}

const dbName = (side: Side, what: string) => `bench-${what}-${side}`;

function ourStore(name: string): OfflineStore {
  const store = new OfflineStore({ name, deviceId: 'bench-device' });
  store.signIn(USER);
  return store;
}

async function count(side: Side, name: string): Promise<number> {
  if (side === 'floor') return rawCount(name);
  const db = side === 'ours' ? ourStore(name).db : peerDexie(name);
  const n = await db.table('records').count();
  db.close();
  return n;
}

async function rawCount(name: string): Promise<number> {
  const db = await rawOpen(name);
  const n = await new Promise<number>((resolve, reject) => {
    const req = db.transaction('records').objectStore('records').count();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return n;
}

/**
 * Row 5a: `total` records saved in batches of `batch` into an empty database; ms from the first
 * write to the last commit. Envelopes are made before the clock starts; turning them into stored
 * rows is part of each side's work.
 */
async function batches(side: Side, total: number, batch: number, fields: number): Promise<number> {
  const name = dbName(side, 'batch');
  await deleteDb(name);
  const envelopes = Array.from({ length: total }, (_, i) => envelope(i, fields));
  let ms: number;
  if (side === 'ours') {
    const store = ourStore(name);
    await store.db.open();
    const start = performance.now();
    for (let i = 0; i < total; i += batch) {
      const page: PullResponse = {
        changes: envelopes.slice(i, i + batch).map((record, k) => ({
          seq: i + k + 1,
          type: 'record' as const,
          data: { record, seq: i + k + 1 },
        })),
        cursor: String(i + batch),
        more: i + batch < total,
      };
      await applyPullPage(store.context, page);
    }
    ms = performance.now() - start;
    store.close();
  } else if (side === 'dexie') {
    const db = peerDexie(name);
    await db.open();
    const start = performance.now();
    for (let i = 0; i < total; i += batch) {
      await db.table('records').bulkPut(envelopes.slice(i, i + batch).map((e, k) => storedRow(e, i + k + 1)));
    }
    ms = performance.now() - start;
    db.close();
  } else {
    const db = await rawOpen(name);
    const start = performance.now();
    for (let i = 0; i < total; i += batch) {
      const tx = db.transaction('records', 'readwrite');
      const records = tx.objectStore('records');
      envelopes.slice(i, i + batch).forEach((e, k) => {
        records.put(storedRow(e, i + k + 1));
      });
      await done(tx);
    }
    ms = performance.now() - start;
    db.close();
  }
  const stored = await count(side, name);
  if (stored !== total) throw new Error(`${side}: ${stored} of ${total} records stored`);
  await deleteDb(name);
  return ms;
}

/** Row 5b: `saves` draft saves one after another (autosave of a few open drafts); ms of each. */
async function drafts(side: Side, saves: number, fields: number): Promise<number[]> {
  const name = dbName(side, 'draft');
  await deleteDb(name);
  const times: number[] = [];
  const draftOf = (i: number) => {
    const e = envelope(i % 5, fields);
    e.data.f0 = `edit ${i}`;
    return { recordId: e.id, app: APP, form: FORM, version: 1, data: e.data };
  };
  if (side === 'ours') {
    const store = ourStore(name);
    await store.db.open();
    for (let i = 0; i < saves; i++) {
      const input = draftOf(i);
      const start = performance.now();
      await store.saveDraft(input);
      times.push(performance.now() - start);
    }
    if ((await store.draftsOf(USER)).length !== 5) throw new Error('ours: drafts missing');
    store.close();
  } else if (side === 'dexie') {
    const db = peerDexie(name);
    await db.open();
    for (let i = 0; i < saves; i++) {
      const input = draftOf(i);
      const start = performance.now();
      await db.table('drafts').put({ ...input, userId: USER, updatedAt: Date.now() });
      times.push(performance.now() - start);
    }
    if ((await db.table('drafts').count()) !== 5) throw new Error('dexie: drafts missing');
    db.close();
  } else {
    const db = await rawOpen(name);
    for (let i = 0; i < saves; i++) {
      const input = draftOf(i);
      const start = performance.now();
      const tx = db.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').put({ ...input, userId: USER, updatedAt: Date.now() });
      await done(tx);
      times.push(performance.now() - start);
    }
    db.close();
  }
  await deleteDb(name);
  return times;
}

/**
 * Row 6 set-up: `total` records of the form (1% pending, each with its outbox entry), plus another
 * form. Each side's own schema is made by its own code (ours: OfflineStore's Dexie schema, the
 * peer's: its Dexie schema); the rows then go in through IndexedDB itself, in large transactions
 * with relaxed durability: set-up, not measured, and the same rows for both sides.
 */
async function populate(side: 'ours' | 'dexie', total: number, fields: number): Promise<void> {
  const name = dbName(side, 'open');
  await deleteDb(name);
  const made = side === 'ours' ? ourStore(name).db : peerDexie(name);
  await made.open();
  made.close();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const stores = side === 'ours' ? ['records', 'outbox'] : ['records'];
  const chunk = 10_000;
  for (let i = 0; i < total; i += chunk) {
    const tx = db.transaction(stores, 'readwrite', { durability: 'relaxed' });
    for (let k = i; k < Math.min(total, i + chunk); k++) {
      // Every 10th record belongs to another form, so the query has to skip it by index.
      const row = storedRow(
        envelope(k, fields, k % 10 === 9 ? 'stock_out' : FORM),
        k + 1,
        k % 100 === 7 ? 'pending' : 'synced',
      );
      tx.objectStore('records').put(row);
      if (side === 'ours' && row.status === 'pending') {
        tx.objectStore('outbox').add({
          id: `m-${row.id}`,
          mutation: { id: `m-${row.id}`, kind: 'create' as const, record: row.envelope },
          recordId: row.id,
          userId: USER,
          attachments: [],
          bytes: 2000,
          createdAt: row.savedAt,
        });
      }
    }
    await done(tx);
  }
  db.close();
}

export interface OpenResult {
  ms: number;
  newest: number;
  pending: number;
  newestSavedAt: number;
}

/** Row 6: in a freshly loaded page, open the database, read the newest 50 of the form and the pending count. */
async function openQuery(side: 'ours' | 'dexie'): Promise<OpenResult> {
  const name = dbName(side, 'open');
  const start = performance.now();
  let newest: { savedAt: number }[];
  let pending: number;
  if (side === 'ours') {
    const store = ourStore(name);
    newest = await store.newestRecords(APP, FORM, 50);
    pending = (await store.counts()).pending;
    const ms = performance.now() - start;
    store.close();
    return { ms, newest: newest.length, pending, newestSavedAt: newest[0]?.savedAt ?? 0 };
  }
  const db = peerDexie(name);
  const records = db.table('records');
  newest = await records
    .where('[app+form+savedAt]')
    .between([APP, FORM, Dexie.minKey], [APP, FORM, Dexie.maxKey])
    .reverse()
    .limit(50)
    .toArray();
  pending = await records.where('status').equals('pending').count();
  const ms = performance.now() - start;
  db.close();
  return { ms, newest: newest.length, pending, newestSavedAt: newest[0]?.savedAt ?? 0 };
}

declare global {
  interface Window {
    offlineBench: {
      batches: typeof batches;
      drafts: typeof drafts;
      populate: typeof populate;
      openQuery: typeof openQuery;
    };
  }
}

window.offlineBench = { batches, drafts, populate, openQuery };
