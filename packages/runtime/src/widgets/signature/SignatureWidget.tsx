import type { SignatureField } from '@gongfang/schema';
import { lazy, Suspense, useState } from 'react';
import { useRuntime } from '../../RuntimeContext.tsx';
import { asFile } from '../photo/files.ts';
import { useBlobUrl } from '../photo/useBlobUrl.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';

// The drawing pad is loaded when someone starts signing, not with the form.
const SignaturePad = lazy(() => import('./SignaturePad.tsx'));

/** A handwritten signature, drawn on a pad and stored as a PNG through the attachments port. */
function SignatureWidget(p: WidgetProps<SignatureField>) {
  const { t, attachments } = useRuntime();
  const [signing, setSigning] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const file = asFile(p.value);
  const url = useBlobUrl(file?.id);

  const save = async (png: Blob) => {
    try {
      p.onChange(await attachments.put(png, 'signature.png'));
      setSigning(false);
    } catch (e) {
      setProblem(t('saveFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <div className="gf-signature">
      {file && !signing ? (
        url ? (
          <img className="gf-signature-image" src={url} alt={t('signatureOf', { label: p.label })} />
        ) : (
          <span className="gf-signature-image" role="img" aria-label={t('signatureOf', { label: p.label })} />
        )
      ) : null}
      {signing ? (
        <Suspense fallback={<p className="gf-help">{t('loading')}</p>}>
          <SignaturePad label={p.label} onDone={save} onCancel={() => setSigning(false)} />
        </Suspense>
      ) : p.readOnly ? null : (
        <button
          type="button"
          className="gf-button"
          id={p.id}
          aria-labelledby={`${p.id}-action ${p.labelId}`}
          aria-describedby={p.describedBy}
          aria-invalid={p.invalid || undefined}
          onClick={() => setSigning(true)}
        >
          <span id={`${p.id}-action`}>{file ? t('signAgain') : t('sign')}</span>
        </button>
      )}
      {problem ? (
        <p className="gf-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export const signatureWidget: WidgetSpec<SignatureField> = { component: SignatureWidget };
