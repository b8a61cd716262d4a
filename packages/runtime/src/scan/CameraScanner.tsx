import type { BarcodeField } from '@gongfang/schema';
import { useEffect, useRef, useState } from 'react';
import { useRuntime } from '../RuntimeContext.tsx';
import { startDecoder } from './decoders.ts';

export interface CameraScannerProps {
  formats?: BarcodeField['formats'];
  onDetected: (code: string) => void;
  onClose: () => void;
}

/**
 * The rear camera in a full-screen sheet, reading codes until one is found. Loaded lazily: neither
 * this component nor a decoder is part of the first screen.
 */
export default function CameraScanner({ formats, onDetected, onClose }: CameraScannerProps) {
  const { t } = useRuntime();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const done = useRef(onDetected);
  done.current = onDetected;

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    startDecoder(el, formats, (code) => done.current(code))
      .then((s) => {
        if (cancelled) s();
        else stop = s;
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [formats]);

  return (
    <div className="gf-sheet" role="dialog" aria-modal="true" aria-label={t('cameraAim')}>
      <div className="gf-camera">
        <video ref={video} playsInline muted className="gf-camera-video" />
        <div className="gf-camera-frame" aria-hidden="true" />
      </div>
      <p className="gf-help" role="status">
        {error ? t('cameraFailed', { reason: error }) : t('cameraAim')}
      </p>
      <button type="button" className="gf-button" onClick={onClose}>
        {t('closeCamera')}
      </button>
    </div>
  );
}
