/** Width and height that fit inside `max` on the longest side, never enlarging. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max || longest === 0) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A camera photo shrunk on the device to `maxDimension` on its longest side and re-encoded as JPEG
 * at `quality`, so a 12-megapixel shot becomes a few hundred kilobytes before it is stored or
 * synced. Browsers without createImageBitmap (old WebViews, test DOMs), or images they cannot decode, keep
 * the original.
 */
export async function downscalePhoto(file: Blob, maxDimension = 1600, quality = 0.8): Promise<Blob> {
  if (typeof createImageBitmap !== 'function') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // A format the browser cannot decode (HEIC on some tablets) is kept as taken rather than lost.
    return file;
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, maxDimension);
    if (typeof OffscreenCanvas === 'function') {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d');
      if (!g) return file;
      g.drawImage(bitmap, 0, 0, width, height);
      return await canvas.convertToBlob({ type: 'image/jpeg', quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
    return await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b ?? file), 'image/jpeg', quality));
  } finally {
    bitmap.close();
  }
}
