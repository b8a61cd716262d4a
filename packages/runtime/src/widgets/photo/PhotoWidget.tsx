import type { PhotoField } from '@gongfang/schema';
import { useState } from 'react';
import type { FileRef } from '../../ports/attachments.ts';
import { useRuntime } from '../../RuntimeContext.tsx';
import type { WidgetProps, WidgetSpec } from '../types.ts';
import { downscalePhoto } from './downscale.ts';
import { asFiles } from './files.ts';
import { useBlobUrl } from './useBlobUrl.ts';

/** Takes photos with the rear camera, downscales them on the device and stores them. */
function PhotoWidget(p: WidgetProps<PhotoField>) {
  const { t, attachments } = useRuntime();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const files = asFiles(p.value);
  const max = p.field.maxCount ?? 9;

  const add = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const added: FileRef[] = [];
      for (const file of Array.from(list).slice(0, max - files.length)) {
        const small = await downscalePhoto(file, p.field.maxDimension ?? 1600, p.field.quality ?? 0.8);
        added.push(await attachments.put(small, jpegName(file.name, small.type)));
      }
      p.onChange([...files, ...added]);
    } catch (e) {
      setProblem(t('saveFailed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gf-files">
      <ul className="gf-thumbs">
        {files.map((f, i) => (
          <li key={f.id}>
            <Thumb id={f.id} alt={t('photoN', { n: i + 1 })} />
            {p.readOnly ? null : (
              <button
                type="button"
                className="gf-thumb-remove"
                aria-label={t('removeItem', { name: t('photoN', { n: i + 1 }) })}
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
            accept="image/*"
            capture="environment"
            multiple={max - files.length > 1}
            className="gf-file-input"
            id={p.id}
            aria-describedby={p.describedBy}
            aria-invalid={p.invalid || undefined}
            disabled={busy}
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }}
          />
          {busy ? t('processing') : `${t('takePhoto')} · ${t('photoCount', { count: files.length, max })}`}
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

function Thumb({ id, alt }: { id: string; alt: string }) {
  const url = useBlobUrl(id);
  return url ? (
    <img src={url} alt={alt} className="gf-thumb" />
  ) : (
    <span className="gf-thumb" role="img" aria-label={alt} />
  );
}

function jpegName(name: string, type: string): string {
  if (type !== 'image/jpeg') return name || 'photo';
  return `${(name || 'photo').replace(/\.[^.]+$/, '')}.jpg`;
}

export const photoWidget: WidgetSpec<PhotoField> = { component: PhotoWidget };
