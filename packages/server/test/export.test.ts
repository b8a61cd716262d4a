import type { AppDefinition, Form } from '@gongfang/schema';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';
import { accept, INV_ORG, INVENTORY, seedInventory, stockIn } from './inventoryFixture.ts';

/** Version 2 renames `remarks` to `notes` (with a field mapping), relabels the purchase option and hides the supplier from workshop leads. */
function version2(): AppDefinition {
  const v2: AppDefinition = structuredClone(INVENTORY);
  v2.version = 2;
  const form = v2.forms.find((f) => f.id === 'stock_in') as Form;
  form.permissions.fieldAccess = [{ role: 'workshop_lead', hidden: ['supplier'] }];
  const header = form.fields.find((f) => f.id === 'header') as {
    fields: { id: string; label: object; options?: { value: string; label: object }[] }[];
  };
  const remarks = header.fields.find((f) => f.id === 'remarks');
  if (remarks) Object.assign(remarks, { id: 'notes', label: { 'zh-CN': '说明', en: 'Notes' } });
  const type = header.fields.find((f) => f.id === 'in_type');
  const purchase = type?.options?.find((o) => o.value === 'purchase');
  if (purchase) purchase.label = { 'zh-CN': '外购入库', en: 'Bought in' };
  return v2;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe.each(DB_KINDS)('export on %s', (kind) => {
  let server: TestServer;
  let keeper: Client;
  let v1Id: string;
  beforeAll(async () => {
    server = await startServer(kind);
    const ids = await seedInventory(server.db);
    const by = ids.get('keeper') as string;
    const v1 = await accept(server.db, {
      form: 'stock_in',
      by,
      data: stockIn(
        [
          { item: 'ITM-00001', qty: 3, location: 'A-01' },
          { item: 'ITM-00002', qty: 4.5, location: 'B-02', batch: '=HYPERLINK("http://evil","x")' },
        ],
        { remarks: '旧版备注, "quoted"\nsecond line', supplier: '@SUM(A1)' },
      ),
    });
    v1Id = v1.record.id;
    const v2 = version2();
    await server.db.query(
      `insert into app_versions (org_id, app_id, version, definition, published_by, field_mapping) values ($1, 'inventory', 2, $2, $3, $4)`,
      [INV_ORG, JSON.stringify(v2), ids.get('admin'), JSON.stringify({ 'stock_in.remarks': 'notes' })],
    );
    await server.db.query(
      `update apps set latest_version = 2, current_version = 2 where org_id = $1 and id = 'inventory'`,
      [INV_ORG],
    );
    await accept(
      server.db,
      {
        form: 'stock_in',
        by,
        version: 2,
        data: stockIn([{ item: 'ITM-00003', qty: 7, location: 'C-01' }], {
          notes: '新版说明',
          remarks: undefined,
        }),
      },
      v2,
    );
    keeper = await signedInAs(server.base, 'keeper', INV_ORG);
  });
  afterAll(() => server.close());

  test('CSV: BOM, one row per line with the header repeated, each record labelled with its own version', async () => {
    const answer = await fetch(`${server.base}/api/apps/inventory/forms/stock_in/export.csv?lang=zh-CN`, {
      headers: { cookie: [...keeper.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(answer.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''%E5%85%A5%E5%BA%93%E5%8D%95\.csv/);
    const bytes = new Uint8Array(await answer.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    const header = rows[0] as string[];
    expect(header.slice(0, 6)).toEqual(['记录编号', '定义版本', '状态', '提交人', '提交时间', '行号']);
    expect(header).toContain('说明');
    expect(header).not.toContain('备注');
    const col = (name: string) => header.indexOf(name);
    const data = rows.slice(1);
    expect(data).toHaveLength(3);
    const old = data.filter((r) => r[0] === v1Id);
    expect(old.map((r) => r[col('行号')])).toEqual(['1', '2']);
    // Header repeated on each line; the renamed field is in its new column; v1's option label.
    for (const r of old) {
      expect(r[col('定义版本')]).toBe('1');
      expect(r[col('说明')]).toBe('旧版备注, "quoted"\nsecond line');
      expect(r[col('入库类型')]).toBe('采购入库');
      expect(r[col('提交人')]).toBe('keeper');
    }
    expect(old.map((r) => r[col('数量')])).toEqual(['3', '4.5']);
    // Formula injection: text starting with = or @ is prefixed with an apostrophe.
    expect(old[1]?.[col('批次号')]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(old[0]?.[col('供应商')]).toBe(`'@SUM(A1)`);
    const newer = data.find((r) => r[0] !== v1Id) as string[];
    expect(newer[col('定义版本')]).toBe('2');
    expect(newer[col('入库类型')]).toBe('外购入库');
    expect(newer[col('说明')]).toBe('新版说明');
  });

  test('XLSX (streamed by exceljs) has the same rows; English labels with lang=en', async () => {
    const answer = await fetch(`${server.base}/api/apps/inventory/forms/stock_in/export.xlsx?lang=en`, {
      headers: { cookie: [...keeper.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(answer.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await answer.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Stock in');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    const header = values(1) as string[];
    expect(header.slice(0, 3)).toEqual(['Record id', 'Version', 'Status']);
    expect(header).toContain('Notes');
    expect(sheet.actualRowCount).toBe(4);
    const qty = header.indexOf('Quantity');
    const numbers = [2, 3, 4].map((n) => values(n)[qty]);
    expect(numbers.sort()).toEqual([3, 4.5, 7]);
  });

  test('roles: hidden fields are left out, a role that cannot open the form is refused, other orgs see nothing', async () => {
    const wlead = await signedInAs(server.base, 'wlead', INV_ORG);
    const led = await wlead.get('/api/apps/inventory/forms/stock_in/export.csv');
    expect(led.status).toBe(200);
    expect(led.body).not.toContain('供应商');
    expect(led.body).not.toContain('@SUM');
    const op = await signedInAs(server.base, 'op', INV_ORG);
    const refused = await op.get('/api/apps/inventory/forms/stock_in/export.xlsx');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    // An operator exporting stock-out sees only their own records (none here): the header only.
    const own = await op.get('/api/apps/inventory/forms/stock_out/export.csv');
    expect(own.status).toBe(200);
    expect(parseCsv((own.body as string).slice(1))).toHaveLength(1);
    expect((await keeper.get('/api/apps/inventory/forms/nope/export.csv')).body.code).toBe('form-not-found');
    expect((await keeper.get('/api/apps/inventory/forms/stock_in/export.csv?lang=fr')).status).toBe(400);
    const alpha = await signedInAs(server.base, 'admin', 'alpha');
    expect((await alpha.get('/api/apps/inventory/forms/stock_in/export.csv')).body.code).toBe('app-not-found');
  });
});
