import type { BarcodeField } from '@gongfang/schema';

type Format = NonNullable<BarcodeField['formats']>[number];

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

/**
 * Opens the rear camera on `video` and calls `onCode` with the first code read. Uses the browser's
 * BarcodeDetector where it exists (Chrome on Android); otherwise ZXing, imported only now.
 * Returns a function that stops the camera.
 */
export async function startDecoder(
  video: HTMLVideoElement,
  formats: readonly Format[] | undefined,
  onCode: (code: string) => void,
): Promise<() => void> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
  if (Detector) {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    video.srcObject = stream;
    await video.play();
    const detector = new Detector(formats ? { formats: [...formats] } : undefined);
    let running = true;
    const tick = async () => {
      if (!running) return;
      try {
        const [hit] = await detector.detect(video);
        if (hit?.rawValue && running) {
          running = false;
          onCode(hit.rawValue);
          return;
        }
      } catch {
        // A frame that cannot be read (camera warming up) is simply skipped.
      }
      setTimeout(tick, 120);
    };
    void tick();
    return () => {
      running = false;
      for (const track of stream.getTracks()) track.stop();
    };
  }
  const { BrowserMultiFormatReader } = await import('@zxing/browser');
  const reader = new BrowserMultiFormatReader();
  let stopped = false;
  const controls = await reader.decodeFromConstraints(
    { video: { facingMode: 'environment' }, audio: false },
    video,
    (result, _error, ctl) => {
      if (result && !stopped) {
        stopped = true;
        ctl.stop();
        onCode(result.getText());
      }
    },
  );
  return () => {
    stopped = true;
    controls.stop();
  };
}
