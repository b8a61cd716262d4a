import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, signedInAs } from './client.ts';
import { DB_KINDS, type TestServer } from './harness.ts';
import {
  create,
  demo,
  exampleApp,
  type FileRef,
  inspection,
  publish,
  pushAll,
  rawPut,
  startSyncServer,
  upload,
  uuidv7,
} from './syncHarness.ts';

interface PulledChange {
  seq: number;
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON answers
  data: any;
}

async function pullAll(client: Client, limit: number): Promise<{ changes: PulledChange[]; pages: number }> {
  const changes: PulledChange[] = [];
  let cursor = '';
  let pages = 0;
  for (;;) {
    const answer = await client.get(`/api/sync/pull?cursor=${cursor}&limit=${limit}`);
    expect(answer.status).toBe(200);
    pages++;
    changes.push(...answer.body.changes);
    cursor = answer.body.cursor;
    if (!answer.body.more) return { changes, pages };
  }
}

describe.each(DB_KINDS)('sync pull and attachments on %s', (kind) => {
  let server: TestServer;
  let qc: Client;
  let signature: FileRef;

  beforeAll(async () => {
    server = await startSyncServer(kind);
    qc = await demo(server.base, 'zhou.min');
    signature = await upload(qc, 'pull test signature');
  });
  afterAll(() => server.close());

  test('pull pages by cursor, oldest first, with `more`, and only what the user may see', async () => {
    const mine = Array.from({ length: 30 }, () => inspection(signature));
    const ng = inspection(signature, { ng: true });
    expect(
      (
        await pushAll(
          qc,
          [...mine, ng].map((r) => create(r)),
        )
      ).every((a) => a.status === 'accepted'),
    ).toBe(true);

    const { changes, pages } = await pullAll(qc, 7);
    expect(pages).toBeGreaterThan(4);
    const seqs = changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const records = changes.filter((c) => c.type === 'record').map((c) => c.data.record.id);
    expect(records).toEqual(expect.arrayContaining([...mine, ng].map((r) => r.id)));
    const apps = changes.filter((c) => c.type === 'app').map((c) => c.data.app);
    expect(apps).toContain('quality_inspection');
    expect(changes.find((c) => c.type === 'app')?.data).toMatchObject({
      version: 1,
      definition: { id: expect.any(String) },
    });

    // A warehouse keeper sees neither the inspections nor the inspection app.
    const keeper = await demo(server.base, 'sun.li');
    const theirs = (await pullAll(keeper, 500)).changes;
    expect(theirs.filter((c) => c.type === 'record')).toEqual([]);
    expect(theirs.filter((c) => c.type === 'app').map((c) => c.data.app)).toEqual(['inventory']);

    // The QC lead sees every inspection (viewAll) and gets the NG task.
    const lead = await demo(server.base, 'huang.tao');
    const leadChanges = (await pullAll(lead, 500)).changes;
    expect(leadChanges.filter((c) => c.type === 'record').length).toBeGreaterThanOrEqual(31);
    const task = leadChanges.find((c) => c.type === 'task');
    expect(task?.data.task).toMatchObject({
      recordId: ng.id,
      assignee: 'huang.tao',
      status: 'open',
      app: 'quality_inspection',
    });

    // Pulling from the last cursor gives nothing new.
    const last = await qc.get(`/api/sync/pull?cursor=${seqs.at(-1)}`);
    expect(last.body).toEqual({ changes: [], cursor: String(seqs.at(-1)), more: false });
    expect((await qc.get('/api/sync/pull?limit=501')).status).toBe(400);
    expect((await qc.get('/api/sync/pull?cursor=abc')).status).toBe(400);
  });

  test('fields a role may not see are left out of what it pulls', async () => {
    const app = exampleApp('quality-inspection');
    app.forms[0].permissions.fieldAccess = [{ role: 'shift_lead', hidden: ['batch', 'items.measured'] }];
    await publish(server.db, 'demo', app, 3);
    const record = inspection(signature, { version: 3 });
    expect((await pushAll(qc, [create(record)]))[0].status).toBe('accepted');
    const shiftLead = await demo(server.base, 'zhang.wei');
    const pulled = (await pullAll(shiftLead, 500)).changes.find(
      (c) => c.type === 'record' && c.data.record.id === record.id,
    );
    expect(pulled?.data.record.data.batch).toBeUndefined();
    expect(pulled?.data.record.data.items[0].measured).toBeUndefined();
    expect(pulled?.data.record.data.items[0].characteristic).toBe('Ø47');
    expect((await shiftLead.get(`/api/records/${record.id}`)).body.record.data.batch).toBeUndefined();
    // The creator still sees everything.
    expect((await qc.get(`/api/records/${record.id}`)).body.record.data.batch).toBe('B250304-01');
  });

  test('nothing crosses organizations: records, actions and attachments of another org are not found', async () => {
    const record = inspection(signature, { ng: true });
    const [answer] = await pushAll(qc, [create(record)]);
    const beta = await signedInAs(server.base, 'admin', 'beta');
    expect((await beta.get(`/api/records/${record.id}`)).status).toBe(404);
    expect((await beta.get(`/api/attachments/${signature.id}`)).status).toBe(404);
    const [action] = await pushAll(beta, [
      {
        id: uuidv7(),
        kind: 'action',
        recordId: record.id,
        action: 'approve',
        taskId: answer.workflow.tasks[0].id,
        at: new Date().toISOString(),
      },
    ]);
    expect(action).toMatchObject({ status: 'rejected', code: 'not-found' });
    expect((await beta.get('/api/sync/pull')).body.changes).toEqual([]);
    const [create2] = await pushAll(beta, [create(inspection(signature, { by: 'admin' }))]);
    expect(create2.code).toBe('unknown-version');
  });

  test('attachments: content-addressed, hash checked, typed, capped, and readable only by those who may see them', async () => {
    const body = Buffer.from('%PDF-1.4 inspection report');
    const sha = createHash('sha256').update(body).digest('hex');
    const mismatch = await rawPut(qc, `/api/attachments/${'0'.repeat(64)}`, body, 'application/pdf');
    expect(mismatch.status).toBe(400);
    expect(mismatch.body?.code).toBe('hash-mismatch');
    const svg = Buffer.from('<svg onload="alert(1)"/>');
    const svgSha = createHash('sha256').update(svg).digest('hex');
    expect((await rawPut(qc, `/api/attachments/${svgSha}`, svg, 'image/svg+xml')).status).toBe(415);
    expect((await rawPut(qc, `/api/attachments/${sha}`, body, 'application/pdf')).status).toBe(201);
    expect((await rawPut(qc, `/api/attachments/${sha}`, body, 'application/pdf')).status).toBe(200);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1);
    const bigSha = createHash('sha256').update(big).digest('hex');
    expect((await rawPut(qc, `/api/attachments/${bigSha}`, big, 'image/png')).status).toBe(413);

    const download = await qc.get(`/api/attachments/${sha}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const image = await qc.get(`/api/attachments/${signature.id}`);
    expect(image.headers.get('content-disposition')).toBe('inline');

    // Someone else sees it only once a record they may see names it.
    const photo = await upload(qc, 'defect photo for the lead');
    const lead = await demo(server.base, 'huang.tao');
    expect((await lead.get(`/api/attachments/${photo.id}`)).status).toBe(404);
    await pushAll(qc, [create(inspection(signature, { ng: true, photo }))]);
    expect((await lead.get(`/api/attachments/${photo.id}`)).status).toBe(200);
    const keeper = await demo(server.base, 'sun.li');
    expect((await keeper.get(`/api/attachments/${photo.id}`)).status).toBe(404);
  });
});
