import type { AttachmentField } from '@gongfang/schema';
import { useState } from 'react';
import type { FileRef } from '../../ports/attachments.ts';
import { useRuntime } from '../../RuntimeContext.tsx';
import { asFiles } from '../photo/files.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';

/** Files from the device, refused here already when larger than the field allows. */
function AttachmentWidget(p: WidgetProps<AttachmentField>) {
  const { t, attachments } = useRuntime();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const files = asFiles(p.value);
  const max = p.field.maxCount ?? 5;
  const maxMB = p.field.maxSizeMB ?? 10;

  const add = async (list: FileList | null) => {
    if (!list) return;
    setProblem(undefined);
    setBusy(true);
    try {
      const added: FileRef[] = [];
      for (const file of Array.from(list).slice(0, max - files.length)) {
        if (file.size > maxMB * 1024 * 1024) {
          setProblem(t('fileTooLarge', { name: file.name, max: maxMB }));
          continue;
        }
        added.push(await attachments.put(file, file.name));
      }
      if (added.length) p.onChange([...files, ...added]);
    } catch (e) {
      setProblem(t('saveFailed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gf-files">
      <ul className="gf-file-list">
        {files.map((f) => (
          <li key={f.id}>
            <span className="gf-file-name">{f.name}</span>
            <span className="gf-file-size">{formatSize(f.size)}</span>
            {p.readOnly ? null : (
              <button
                type="button"
                className="gf-icon-button"
                aria-label={t('removeItem', { name: f.name })}
                onClick={() => p.onChange(files.filter((x) => x.id !== f.id))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {p.readOnly || files.length >= max ? null : (
        <label className="gf-button gf-file-button">
          <input
            type="file"
            className="gf-file-input"
            id={p.id}
            accept={p.field.accept?.join(',')}
            multiple={max - files.length > 1}
            aria-describedby={p.describedBy}
            aria-invalid={p.invalid || undefined}
            disabled={busy}
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }}
          />
          {busy ? t('processing') : t('chooseFile')}
        </label>
      )}
      {problem ? (
        <p className="gf-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const attachmentWidget: WidgetSpec<AttachmentField> = { component: AttachmentWidget };
