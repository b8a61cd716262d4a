/* CSV for Excel: UTF-8 with a byte-order mark (else Excel on Windows reads GBK), CRLF lines. */
import { Readable } from 'node:stream';
import type { Cell } from './cells.ts';
import type { FormExport } from './rows.ts';

export function csvCell(v: Cell): string {
  if (v === null) return '';
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvStream(exp: FormExport): Readable {
  async function* lines() {
    yield `\uFEFF${exp.header.map(csvCell).join(',')}\r\n`;
    let chunk = '';
    for await (const row of exp.rows) {
      chunk += `${row.map(csvCell).join(',')}\r\n`;
      if (chunk.length > 64_000) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  return Readable.from(lines());
}
