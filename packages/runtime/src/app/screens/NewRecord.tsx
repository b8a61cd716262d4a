import { uuidv7 } from '@gongfang/offline';
import { useEffect } from 'react';

/** `#/new/app/form`: a fresh record id, then the edit screen (so a reload reopens the draft). */
export function NewRecord({ app, form }: { app: string; form: string }) {
  useEffect(() => {
    location.replace(`#/edit/${uuidv7()}?app=${encodeURIComponent(app)}&form=${encodeURIComponent(form)}`);
  }, [app, form]);
  return null;
}
