import type { AutosaveStatus } from '../client/autosave.ts';
import { useLang, useT } from './DesignerContext.tsx';

/** Whether the draft is safe on the server: saved, waiting, saving, failed (retrying) or in conflict. */
export function SaveStatus({ status }: { status: AutosaveStatus | undefined }) {
  const t = useT();
  const lang = useLang();
  if (!status) return <span className="dz-save">{t('local')}</span>;
  const text =
    status.state === 'saved'
      ? t('saved')
      : status.state === 'saving'
        ? t('saving')
        : status.state === 'pending'
          ? t('unsaved')
          : status.state === 'conflict'
            ? `${t('saveConflict')}: ${status.message[lang]}`
            : t('saveFailed');
  return (
    <span className={`dz-save is-${status.state}`} role="status">
      {text}
    </span>
  );
}
