import { useState } from 'react';
import type { DraftClient } from '../client/draftClient.ts';
import { usePublishT } from './messages.ts';
import { PublishDialog } from './PublishDialog.tsx';
import type { RegistryClient } from './registryClient.ts';

/** The top bar's Publish button and its dialog. */
export function PublishButton(props: { client: DraftClient; registry: RegistryClient; canPublishTemplate: boolean }) {
  const t = usePublishT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="dz-tool pz-publish" onClick={() => setOpen(true)}>
        {t('publish')}
      </button>
      {open ? <PublishDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
