/*
 * Row 7, the peer: a bare Fastify server with the same push route contract (the server's compiled
 * PushRequest JSON Schema, validated by ajv as Fastify does) and each record's data checked by ajv
 * against a JSON Schema of the stock-in form written by hand; nothing stored. Answers every mutation
 * accepted or rejected with ajv's errors. Prints one JSON line {port}; ends on SIGTERM.
 */
import { contractSchema } from '@gongfang/server';
import { Ajv } from 'ajv';
import Fastify from 'fastify';
import { INVENTORY } from './serverFixture.ts';

/** The option values of a stock-in field (a column of `lines` when `column`). */
function options(id: string, column?: string): string[] {
  type Field = { id: string; fields?: Field[]; options?: { value: string }[] };
  const form = INVENTORY.forms.find((f) => f.id === 'stock_in') as unknown as { fields: Field[] };
  const all = form.fields.flatMap((f) => [f, ...(f.fields ?? [])]);
  const field = column
    ? all.find((f) => f.id === id)?.fields?.find((f) => f.id === column)
    : all.find((f) => f.id === id);
  return (field?.options ?? []).map((o) => o.value);
}

const line = {
  type: 'object',
  required: ['_id', 'item_code', 'item_name', 'batch', 'qty', 'unit', 'location'],
  additionalProperties: false,
  properties: {
    _id: { type: 'string', maxLength: 64 },
    item_code: { type: 'string', pattern: '^ITM-\\d{5}$' },
    item_name: { type: 'string', maxLength: 100 },
    batch: { type: 'string', maxLength: 30 },
    qty: { type: 'number', minimum: 0.01, maximum: 1_000_000 },
    unit: { enum: options('lines', 'unit') },
    location: { enum: options('lines', 'location') },
    unit_price: { type: 'number', minimum: 0 },
    amount: { type: 'number' },
  },
};
const stockIn = {
  type: 'object',
  required: ['doc_no', 'in_date', 'in_type', 'keeper', 'lines'],
  additionalProperties: false,
  properties: {
    doc_no: { type: 'string', pattern: '^RK-\\d{8}-\\d{3}$' },
    in_date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    in_type: { enum: options('in_type') },
    supplier: { type: 'string', maxLength: 100 },
    from_line: { enum: options('from_line') },
    reason: { type: 'string', minLength: 4 },
    keeper: { type: 'string', maxLength: 64 },
    remarks: { type: 'string' },
    lines: { type: 'array', minItems: 1, maxItems: 200, items: line },
    total_qty: { type: 'number' },
    total_amount: { type: 'number' },
  },
  if: { properties: { in_type: { const: 'purchase' } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then
  then: { required: ['supplier'] },
};
const validateData = new Ajv({ allErrors: true }).compile(stockIn);

interface Push {
  mutations: { id: string; kind: string; record: { id: string; data: unknown } }[];
}

const app = Fastify({ bodyLimit: 8 * 1024 * 1024 });
app.post<{ Body: Push }>('/api/sync/push', { schema: { body: contractSchema('PushRequest') } }, async (request) => ({
  results: request.body.mutations.map((m) =>
    validateData(m.record.data)
      ? { id: m.id, status: 'accepted', recordId: m.record.id, revision: 1 }
      : { id: m.id, status: 'rejected', recordId: m.record.id, problems: validateData.errors },
  ),
}));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
