import type { BarcodeField } from '@gongfang/schema';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useRuntime } from '../../RuntimeContext.tsx';
import { BarcodeInput } from '../../scan/BarcodeInput.tsx';
import { SCAN_EVENT, scanEventCode } from '../../scan/WedgeDetector.ts';
import { asText, controlAria } from '../common.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';

// The camera scanner (and its decoder) loads only when someone taps the camera button.
const CameraScanner = lazy(() => import('../../scan/CameraScanner.tsx'));

/** A code from a keyboard-wedge scanner, typed, or read by the camera. */
function BarcodeWidget(p: WidgetProps<BarcodeField>) {
  const { t } = useRuntime();
  const [camera, setCamera] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const sources = p.field.sources ?? ['camera', 'wedge', 'typed'];
  const { onChange } = p;

  // A scan arriving while nothing is focused reaches a header barcode field as an event.
  useEffect(() => {
    const el = box.current;
    if (!el || p.cell) return;
    const onScan = (e: Event) => {
      const code = scanEventCode(e);
      if (code !== undefined) onChange(code);
    };
    el.addEventListener(SCAN_EVENT, onScan);
    return () => el.removeEventListener(SCAN_EVENT, onScan);
  }, [onChange, p.cell]);

  return (
    <div className="gf-barcode" ref={box} {...(p.cell || p.readOnly ? {} : { 'data-gf-scan-target': 'field' })}>
      <BarcodeInput
        className="gf-input gf-barcode-input"
        {...controlAria(p)}
        value={asText(p.value)}
        readOnly={p.readOnly || !sources.includes('typed')}
        onChange={(v) => onChange(v === '' ? null : v)}
        onScan={(code) => onChange(code)}
      />
      {sources.includes('camera') && !p.readOnly ? (
        <button
          type="button"
          className="gf-icon-button"
          aria-label={t('scanWithCamera', { label: p.label })}
          title={t('scanWithCamera', { label: p.label })}
          onClick={() => setCamera(true)}
        >
          <CameraIcon />
        </button>
      ) : null}
      {camera ? (
        <Suspense fallback={<p className="gf-help">{t('cameraStarting')}</p>}>
          <CameraScanner
            formats={p.field.formats}
            onDetected={(code) => {
              setCamera(false);
              onChange(code);
            }}
            onClose={() => setCamera(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

export function CameraIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M3 5h3V3H1v5h2V5zm18 0v3h2V3h-5v2h3zM3 19v-3H1v5h5v-2H3zm18 0h-3v2h5v-5h-2v3zM6 7h1.5v10H6V7zm3 0h1v10H9V7zm2.5 0h2v10h-2V7zm3 0h1v10h-1V7zm2 0H18v10h-1.5V7z"
      />
    </svg>
  );
}

export const barcodeWidget: WidgetSpec<BarcodeField> = { component: BarcodeWidget };
