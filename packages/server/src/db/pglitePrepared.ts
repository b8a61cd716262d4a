import { type PGlite, parse, protocol } from '@electric-sql/pglite';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

/** Sends protocol messages to the one PGlite connection; throws the first database error. */
export type Wire = (message: Uint8Array) => Promise<BackendMessage[]>;

interface Statement {
  name: string;
  /** Type OIDs of the parameters, to serialize them as PGlite's own `query` does. */
  types: number[];
  /** Its row description, or undefined for a statement that returns no rows. */
  row: BackendMessage | undefined;
}

/** Statements kept prepared; the least recently used one is closed beyond this. */
export const MAX_PREPARED = 256;

// A cached plan whose result columns changed (a table altered under it), or a statement no longer
// there: prepare it again on the next call.
const STALE = new Set(['0A000', '26000']);

const { serialize } = protocol;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Named prepared statements on PGlite, one per distinct SQL text. PGlite's `query` parses,
 * describes, binds and executes every call afresh (six trips into the engine, and a new plan);
 * here the first call parses and describes once, and every later call is one trip (bind,
 * execute, sync) to a statement PostgreSQL has already analyzed, whose plan it may keep. The caller
 * runs one call at a time on the connection (`openPglite` queues them).
 */
export class PreparedStatements {
  readonly #statements = new Map<string, Statement>();
  #named = 0;

  constructor(
    private readonly wire: Wire,
    private readonly serializers: Record<number | string, (x: unknown) => string>,
    private readonly parsers: Record<number | string, (x: string, typeId?: number) => unknown>,
  ) {}

  /** Prepared statements open on the connection now. */
  get size(): number {
    return this.#statements.size;
  }

  async run<T extends object>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const statement = await this.#statement(sql);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = this.serializers[statement.types[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    let messages: BackendMessage[];
    try {
      messages = await this.wire(
        concat([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]),
      );
    } catch (error) {
      if (STALE.has(String((error as { code?: unknown }).code))) await this.#close(sql, statement);
      throw error;
    }
    const [result] = parse.parseResults(statement.row ? [statement.row, ...messages] : messages, this.parsers);
    return (result?.rows ?? []) as T[];
  }

  async #statement(sql: string): Promise<Statement> {
    const known = this.#statements.get(sql);
    if (known) {
      // Most recently used last: the first one is the one to close.
      this.#statements.delete(sql);
      this.#statements.set(sql, known);
      return known;
    }
    this.#named += 1;
    const name = `gf_${this.#named}`;
    const messages = await this.wire(
      concat([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()]),
    );
    const statement: Statement = {
      name,
      types: parse.parseDescribeStatementResults(messages),
      row: messages.find((m) => m.name === 'rowDescription'),
    };
    this.#statements.set(sql, statement);
    const oldest = this.#statements.keys().next().value;
    if (this.#statements.size > MAX_PREPARED && oldest !== undefined) {
      await this.#close(oldest, this.#statements.get(oldest) as Statement);
    }
    return statement;
  }

  async #close(sql: string, statement: Statement): Promise<void> {
    this.#statements.delete(sql);
    // Names are never reused: a statement that could not be closed only takes a little memory.
    await this.wire(concat([serialize.close({ type: 'S', name: statement.name }), serialize.sync()])).catch(() => {});
  }
}
