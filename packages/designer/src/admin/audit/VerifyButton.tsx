import { useState } from 'react';
import { useAdmin } from '../AdminContext.ts';
import type { AuditVerify } from '../api.ts';
import { ErrorNote } from '../ui.tsx';

/** Re-computes the hash chain on the server: all intact, or the first broken entry. */
export function VerifyButton() {
  const { api, t } = useAdmin();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerify | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  return (
    <div className="ad-verify">
      <button
        type="button"
        className="ad-button is-primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          setResult(undefined);
          api
            .verifyAudit()
            .then(setResult, setError)
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('verifying') : t('verify')}
      </button>
      {result ? (
        <p className={`ad-note ${result.ok ? 'is-ok' : 'is-error'}`} role={result.ok ? 'status' : 'alert'}>
          {result.ok
            ? t('verifyOk', { n: result.entries })
            : t('verifyBroken', { seq: result.broken?.seq ?? '?', reason: result.broken?.reason ?? '' })}
        </p>
      ) : null}
      <ErrorNote error={error} />
    </div>
  );
}
