import type { SubtableField } from '@gongfang/schema';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useFormContext } from '../../form/FormContext.ts';
import { useRuntime } from '../../RuntimeContext.tsx';
import { BarcodeInput } from '../../scan/BarcodeInput.tsx';
import { SCAN_EVENT, scanEventCode } from '../../scan/WedgeDetector.ts';
import { CameraIcon } from '../barcode/BarcodeWidget.tsx';
import { applyScan, type ScanOutcome } from './rows.ts';

const CameraScanner = lazy(() => import('../../scan/CameraScanner.tsx'));

/**
 * Scan-to-add for a sub-table: a box that takes wedge scans and typed codes (Enter), a camera
 * button, and the form's idle scans (nothing focused) routed here as events.
 */
export function ScanBar({
  field,
  label,
  onScanned,
}: {
  field: SubtableField;
  label: string;
  onScanned: (o: ScanOutcome) => void;
}) {
  const { engine } = useFormContext();
  const { t } = useRuntime();
  const [text, setText] = useState('');
  const [last, setLast] = useState<string | undefined>(undefined);
  const [camera, setCamera] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const column = field.fields.find((c) => c.id === field.scan?.field);
  const formats = column?.type === 'barcode' ? column.formats : undefined;

  const take = (raw: string) => {
    const code = raw.trim();
    setText('');
    if (!code) return;
    const outcome = applyScan(engine, field, code);
    setLast(code);
    if (outcome) onScanned(outcome);
  };
  const takeRef = useRef(take);
  takeRef.current = take;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onScan = (e: Event) => {
      const code = scanEventCode(e);
      if (code !== undefined) takeRef.current(code);
    };
    el.addEventListener(SCAN_EVENT, onScan);
    return () => el.removeEventListener(SCAN_EVENT, onScan);
  }, []);

  const name = t('scanToAdd', { label });
  return (
    <div className="gf-scanbar" ref={box} data-gf-scan-target="subtable">
      <BarcodeInput
        className="gf-input gf-scan-input"
        aria-label={name}
        placeholder={t('scanHint')}
        value={text}
        onChange={setText}
        onScan={take}
        onCommit={take}
      />
      <button
        type="button"
        className="gf-icon-button"
        aria-label={t('scanWithCamera', { label })}
        onClick={() => setCamera(true)}
      >
        <CameraIcon />
      </button>
      <span className="gf-scan-status" role="status">
        {last ? t('scanned', { code: last }) : ''}
      </span>
      {camera ? (
        <Suspense fallback={<p className="gf-help">{t('cameraStarting')}</p>}>
          <CameraScanner
            formats={formats}
            onDetected={(code) => {
              setCamera(false);
              take(code);
            }}
            onClose={() => setCamera(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
