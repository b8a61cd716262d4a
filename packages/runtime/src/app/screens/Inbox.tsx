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
  const [signature, setSignature] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  /** The signature being stored on the device (PNG → hash → IndexedDB), which Approve waits for. */
  const storing = useRef<Promise<string | undefined> | undefined>(undefined);
  const { store } = getServices();

  const signed = (png: Blob) => {
    setSigning(false);
    storing.current = store.storeAttachment(png, task.recordId).then(
      (stored) => {
        if (stored.error) {
          setProblem(stored.error.localized[lang]);
          return undefined;
        }
        setSignature(stored.sha256);
        setProblem(undefined);
        return stored.sha256;
      },
      () => undefined,
    );
  };

  const act = async (action: ActionInput['action']) => {
    // An Approve tapped right after Done: the signature is still being stored, so wait for it.
    const signatureNow = signature ?? (action === 'approve' ? await storing.current : undefined);
    if (action === 'approve' && task.signature && !signatureNow) {
      setSigning(true);
      setProblem(t('signatureNeeded'));
      return;
    }
    if ((action === 'reject' || action === 'return' || action === 'comment') && !comment.trim()) {
      setProblem(`${t('commentLabel')}?`);
      return;
    }
    await store.queueAction({
      recordId: task.recordId,
      action,
      taskId: task.id,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(signatureNow ? { signature: signatureNow } : {}),
    });
    onDone();
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
        <button type="button" className="gf-button gf-primary" onClick={() => void act('approve')}>
          {t('approve')}
        </button>
        <button type="button" className="gf-button gf-danger" onClick={() => void act('reject')}>
          {t('reject')}
        </button>
        <button type="button" className="gf-button" onClick={() => void act('return')}>
          {t('return')}
        </button>
        <button type="button" className="gf-button" onClick={() => void act('comment')}>
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
