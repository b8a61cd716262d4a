/*
 * XLSX through exceljs's streaming WorkbookWriter: rows are committed as they are produced, so a
 * large export never holds the whole sheet in memory. One sheet, the same flattening as the CSV.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FormExport } from './rows.ts';

export function xlsxStream(exp: FormExport, onError: (e: unknown) => void): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(exp.sheetName.replace(/[\\/?*[\]:]/g, ' ') || 'Sheet1', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const head = sheet.addRow(exp.header);
  head.font = { bold: true };
  head.commit();
  (async () => {
    for await (const row of exp.rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((e: unknown) => {
    onError(e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return out;
}
