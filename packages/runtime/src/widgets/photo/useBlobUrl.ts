import { useEffect, useState } from 'react';
import { useRuntime } from '../../RuntimeContext.tsx';

/** An object URL for a stored file, revoked when the component lets go of it. */
export function useBlobUrl(id: string | undefined): string | undefined {
  const { attachments } = useRuntime();
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!id) return;
    let live = true;
    let made: string | undefined;
    attachments.get(id).then((blob) => {
      if (!live || !blob || typeof URL.createObjectURL !== 'function') return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [id, attachments]);
  return url;
}
