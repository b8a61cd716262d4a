import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestDesigner } from '../test/TestDesigner.ts';
import { Autosaver } from './autosave.ts';
import { httpDraftClient, memoryDraftClient } from './draftClient.ts';

describe('autosave', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves a moment after the last change with the revision it was based on', async () => {
    vi.useFakeTimers();
    const d = new TestDesigner();
    const client = memoryDraftClient({ definition: d.doc, revision: 1 });
    d.markSaved(d.state.changes, 1);
    const saver = new Autosaver(d, client, 500);
    d.add('text');
    d.add('number');
    expect(saver.status.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(600);
    expect(saver.status.state).toBe('saved');
    expect(client.current()?.revision).toBe(2);
    expect(client.current()?.definition).toEqual(d.doc);
    expect(d.state.revision).toBe(2);
    expect(d.state.history.undo).toBe(2);
    saver.dispose();
  });

  it('shows a conflict when someone else saved in between, and overwrites nothing', async () => {
    const d = new TestDesigner();
    const client = memoryDraftClient({ definition: d.doc, revision: 5 });
    d.markSaved(d.state.changes, 4);
    const saver = new Autosaver(d, client, 10_000);
    d.add('text');
    await saver.flush();
    expect(saver.status.state).toBe('conflict');
    expect(client.current()?.revision).toBe(5);
    saver.dispose();
  });

  it('speaks the registry API: PUT /api/apps/:id/draft with the revision; 409 is a conflict', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      const body = JSON.parse(String(init?.body));
      return body.revision === 3
        ? new Response(JSON.stringify({ revision: 4 }), { status: 200 })
        : new Response(JSON.stringify({ code: 'stale-draft', message: { 'zh-CN': '过期', en: 'stale' } }), {
            status: 409,
          });
    }) as typeof fetch;
    const client = httpDraftClient('', fetchImpl);
    const d = new TestDesigner();
    expect(await client.save('new_app', d.doc, 3)).toEqual({ ok: true, revision: 4 });
    expect(calls[0]![0]).toBe('/api/apps/new_app/draft');
    expect(calls[0]![1]?.method).toBe('PUT');
    expect(await client.save('new_app', d.doc, 2)).toMatchObject({ ok: false, conflict: true });
  });
});
