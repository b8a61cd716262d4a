import type { Task } from '@gongfang/schema';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { appTranslate } from '../i18n.ts';
import { AppContext, type AppContextValue } from '../shell/AppContext.ts';
import { TaskCard } from './Inbox.tsx';

/** The device store's two calls a task card makes; the signature is stored only when released. */
const store = vi.hoisted(() => ({
  release: (): void => undefined,
  storeAttachment: vi.fn(),
  queueAction: vi.fn(async () => undefined),
}));

vi.mock('../data/services.ts', () => ({ getServices: () => ({ store }) }));
// The pad draws on a canvas; here Done hands over a PNG at once.
vi.mock('../../widgets/signature/SignaturePad.tsx', () => ({
  default: ({ onDone }: { onDone: (png: Blob) => void }) => (
    <button type="button" onClick={() => onDone(new Blob(['png'], { type: 'image/png' }))}>
      Done
    </button>
  ),
}));

const task: Task = {
  id: 'qc_review',
  recordId: '0190a3c0-0000-7000-8000-000000000001',
  app: 'quality',
  form: 'inspection',
  node: 'qc_review',
  nodeName: { 'zh-CN': '质量审核', en: 'QC review' },
  assignee: 'zhao.qiang',
  status: 'open',
  signature: true,
  createdAt: '2026-12-02T08:00:00Z',
};

const app: AppContextValue = {
  lang: 'en',
  setLang: () => undefined,
  t: appTranslate('en'),
  text: (value, fallback) => value?.en ?? fallback ?? '',
  operator: { id: 'zhao.qiang', displayName: { en: 'Zhao Qiang' }, roles: ['qc_lead'], deviceId: null },
};

describe('a task that needs a signature', () => {
  it('the signature is stored when Approve is tapped, and a second tap meanwhile queues nothing more', async () => {
    store.storeAttachment.mockImplementation(
      () => new Promise((resolve) => (store.release = () => resolve({ sha256: 'a'.repeat(64) }))),
    );
    const done = vi.fn();
    render(
      <AppContext.Provider value={app}>
        <TaskCard task={task} onDone={done} />
      </AppContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Done' }));
    // The pad has closed; the approver taps Approve twice while the PNG is being stored.
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(store.storeAttachment).toHaveBeenCalledTimes(1);
    expect(store.queueAction).not.toHaveBeenCalled();
    store.release();
    await waitFor(() => expect(store.queueAction).toHaveBeenCalledTimes(1));
    expect(store.queueAction).toHaveBeenCalledWith({
      recordId: task.recordId,
      action: 'approve',
      taskId: 'qc_review',
      signature: 'a'.repeat(64),
    });
    expect(done).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Done' })).toBeNull();
  });
});
