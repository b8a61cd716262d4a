import type { ActionInput } from '@gongfang/offline';
import type { Task } from '@gongfang/schema';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { RuntimeProvider } from '../../RuntimeContext.tsx';
import { getServices } from '../data/services.ts';
import { openTasks } from '../data/tasks.ts';
import { formatTime } from '../i18n.ts';
import { useApp } from '../shell/AppContext.ts';
import { href } from '../shell/router.ts';

const SignaturePad = lazy(() => import('../../widgets/signature/SignaturePad.tsx'));

/** The operator's approval tasks: approve, reject, return or comment, signing where asked. */
export function Inbox() {
  const { t, operator } = useApp();
  const [state, setState] = useState<{ tasks: Task[]; fromDevice: boolean } | undefined>(undefined);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    void openTasks(operator.id).then(setState);
  }, [operator.id]);
  if (!state) return null;
  // A task id is unique within its record only ("1:qc_lead_review:huang.tao"): key by both.
  const keyOf = (task: Task) => `${task.recordId}/${task.id}`;
  const tasks = state.tasks.filter((task) => !done.has(keyOf(task)));
  return (
    <div className="app-list-page">
      <h1>{t('inbox')}</h1>
      {state.fromDevice ? <p className="app-note">{t('fromDevice')}</p> : null}
      {tasks.length === 0 ? <p className="app-empty">{t('noTasks')}</p> : null}
      <ul className="app-items">
        {tasks.map((task) => (
          <li key={keyOf(task)}>
            <TaskCard task={task} onDone={() => setDone((d) => new Set(d).add(keyOf(task)))} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TaskCard({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t, text, lang } = useApp();
  const [comment, setComment] = useState('');
  const [signing, setSigning] = useState(false);
  /** The drawn signature, stored on the device only when the approval is queued (see act). */
  const [signature, setSignature] = useState<Blob | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const acting = useRef(false);
  const { store } = getServices();

  const signed = (png: Blob) => {
    setSigning(false);
    setSignature(png);
    setProblem(undefined);
  };

  const queue = async (action: ActionInput['action']) => {
    if (action === 'approve' && task.signature && !signature) {
      setSigning(true);
      setProblem(t('signatureNeeded'));
      return;
    }
    if ((action === 'reject' || action === 'return' || action === 'comment') && !comment.trim()) {
      setProblem(`${t('commentLabel')}?`);
      return;
    }
    // Stored right before the action names it (content-addressed: storing again is free), so no
    // clean-up of unreferenced photos can take it between signing and tapping Approve.
    let sha256: string | undefined;
    if (action === 'approve' && signature) {
      const stored = await store.storeAttachment(signature, task.recordId);
      if (stored.error) {
        setProblem(stored.error.localized[lang]);
        return;
      }
      sha256 = stored.sha256;
    }
    await store.queueAction({
      recordId: task.recordId,
      action,
      taskId: task.id,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(sha256 ? { signature: sha256 } : {}),
    });
    onDone();
  };

  /** One action at a time: a second tap while the first is being queued would queue it twice. */
  const act = async (action: ActionInput['action']) => {
    if (acting.current) return;
    acting.current = true;
    setBusy(true);
    try {
      await queue(action);
    } finally {
      acting.current = false;
      setBusy(false);
    }
  };

  return (
    <article className="app-task" aria-label={text(task.nodeName, task.node)}>
      <header>
        <a href={href('record', task.recordId)} className="app-item-title">
          {text(task.nodeName, task.node)} · {task.form}
        </a>
        <span className="app-muted">{formatTime(task.createdAt, lang)}</span>
      </header>
      {task.signature ? <p className="app-note">{t('signatureNeeded')}</p> : null}
      <label className="app-field">
        <span>{t('commentLabel')}</span>
        <textarea className="gf-input" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      {signing ? (
        // The pad's own words (Sign here, Undo, Done) follow the app's language, not the default.
        <RuntimeProvider lang={lang}>
          <Suspense fallback={null}>
            <SignaturePad label={t('signHere')} onCancel={() => setSigning(false)} onDone={signed} />
          </Suspense>
        </RuntimeProvider>
      ) : null}
      <div className="app-task-actions">
        <button type="button" className="gf-button gf-primary" onClick={() => void act('approve')} disabled={busy}>
          {t('approve')}
        </button>
        <button type="button" className="gf-button gf-danger" onClick={() => void act('reject')} disabled={busy}>
          {t('reject')}
        </button>
        <button type="button" className="gf-button" onClick={() => void act('return')} disabled={busy}>
          {t('return')}
        </button>
        <button type="button" className="gf-button" onClick={() => void act('comment')} disabled={busy}>
          {t('comment')}
        </button>
      </div>
      {problem ? (
        <p className="gf-error" role="alert">
          {problem}
        </p>
      ) : null}
    </article>
  );
}
