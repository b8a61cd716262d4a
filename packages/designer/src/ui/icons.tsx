import type { FieldType } from '../store/fieldTypes.ts';

// 20×20 stroke icons, one per field type and a few for the toolbar.
const PATHS: Record<FieldType | 'undo' | 'redo' | 'import' | 'export' | 'preview' | 'trash' | 'copy' | 'grip', string> =
  {
    text: 'M4 6h12M10 6v9M7 15h6',
    textarea: 'M3 5h14M3 9h14M3 13h10M3 17h7',
    number: 'M7 3 5 17M15 3l-2 14M3 7h14M3 13h14',
    date: 'M3 5h14v12H3zM3 9h14M7 3v4M13 3v4',
    select: 'M3 5h14v10H3zM12 9l2 2 2-2',
    radio: 'M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM10 8a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
    checkbox: 'M3 3h14v14H3zM6 10l3 3 5-6',
    member: 'M10 3a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM3 17c1-4 4-5 7-5s6 1 7 5',
    role: 'M10 2l6 3v5c0 4-3 6-6 8-3-2-6-4-6-8V5z',
    barcode: 'M3 4v12M6 4v12M8 4v12M11 4v12M14 4v12M17 4v12',
    photo: 'M2 6h4l2-2h4l2 2h4v10H2zM10 8a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
    attachment: 'M13 6l-6 6a2 2 0 0 0 3 3l6-6a4 4 0 0 0-6-6l-6 6',
    signature: 'M2 15c3-8 5-8 5-4s2 4 4 0 3-3 4 0 2 2 3 1M2 18h16',
    location: 'M10 18s6-5 6-10a6 6 0 0 0-12 0c0 5 6 10 6 10zM10 6a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
    formula: 'M13 3h-2c-2 0-2 2-2 3l-1 8c0 1-1 3-3 3M5 8h8M12 11l5 5M17 11l-5 5',
    reference: 'M8 12l4-4M7 9 5 11a3 3 0 0 0 4 4l2-2M13 11l2-2a3 3 0 0 0-4-4L9 7',
    subtable: 'M2 4h16v12H2zM2 8h16M2 12h16M8 4v12',
    section: 'M2 4h16M2 16h16M5 8h10v4H5z',
    undo: 'M7 4 3 8l4 4M3 8h9a5 5 0 0 1 0 10H8',
    redo: 'M13 4l4 4-4 4M17 8H8a5 5 0 0 0 0 10h4',
    import: 'M10 2v10M6 8l4 4 4-4M3 14v3h14v-3',
    export: 'M10 12V2M6 6l4-4 4 4M3 14v3h14v-3',
    preview: 'M2 4h16v11H2zM7 18h6M10 15v3',
    trash: 'M3 5h14M8 5V3h4v2M5 5l1 12h8l1-12',
    copy: 'M7 7h10v10H7zM3 13V3h10',
    grip: 'M7 4h.01M13 4h.01M7 10h.01M13 10h.01M7 16h.01M13 16h.01',
  };

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="dz-icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'grip' ? 3 : 1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
