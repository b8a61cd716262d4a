import type { StoredRecord } from '@gongfang/offline';
import type { Form } from '@gongfang/schema';
import { useState } from 'react';
import { getServices } from '../data/services.ts';
import { useApp } from '../shell/AppContext.ts';
import { RecordValues } from './RecordValues.tsx';

/** A conflict: both versions side by side; the operator keeps one. */
export function ConflictChoice({ record, form }: { record: StoredRecord; form: Form }) {
  const { t } = useApp();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const theirs = record.conflict?.theirs ?? record.server;
  const choose = (choice: 'mine' | 'theirs') =>
    getServices()
      .store.resolveConflict(record.id, choice)
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
  return (
    <section className="app-conflict" aria-label={t('conflictTitle')}>
      <h2>{t('conflictTitle')}</h2>
      <div className="app-conflict-sides">
        <div>
          <h3>{t('mine')}</h3>
          <RecordValues form={form} data={record.envelope.data} />
          <button type="button" className="gf-button gf-primary" onClick={() => void choose('mine')}>
            {t('keepMine')}
          </button>
        </div>
        <div>
          <h3>{t('theirs')}</h3>
          {theirs ? (
            <>
              <RecordValues form={form} data={theirs.data} />
              <button type="button" className="gf-button" onClick={() => void choose('theirs')}>
                {t('keepTheirs')}
              </button>
            </>
          ) : (
            <p className="app-muted">{t('theirsNotYet')}</p>
          )}
        </div>
      </div>
      {problem ? (
        <p className="gf-error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
