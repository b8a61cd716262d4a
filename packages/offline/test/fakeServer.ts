import type {
  AppChange,
  BalanceChange,
  Change,
  FieldProblem,
  Mutation,
  MutationResult,
  PullResponse,
  PushRequest,
  RecordChange,
  RecordEnvelope,
  Task,
  TaskChange,
} from '@gongfang/schema';
import { uuidv7 } from '../src/uuidv7.ts';

/** A push's JSON, plain or gzip-compressed (as the device sends it where it can). */
async function pushBody(body: RequestInit['body'], encoding: string | null): Promise<PushRequest | undefined> {
  if (typeof body === 'string') return JSON.parse(body) as PushRequest;
  if (!(body instanceof Uint8Array) || encoding !== 'gzip') return undefined;
  const stream = new Blob([body as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as PushRequest;
}

/** A scripted failure for the next request(s) to a path prefix. */
export interface Failure {
  status?: number;
  retryAfter?: string;
  /** Commit the push, then lose the answer (the device sees a network error). */
  dropAfterCommit?: boolean;
  /** Refuse to connect (fetch rejects). */
  network?: boolean;
  /** Never answer (a request the Wi-Fi dropped mid-way): only the request's signal ends it. */
  hang?: boolean;
  /** Apply and answer only the push's first n mutations (a server that stopped part-way). */
  answerOnly?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  at: number;
  csrf: string | null;
  credentials: RequestCredentials | undefined;
  mutationIds: string[];
}

/**
 * An in-memory server that follows schemas/sync.schema.json: applies each mutation at most once
 * (a retried id gets the first answer), validates records (a `qty` below 0 is refused, an unknown
 * attachment is refused), answers stale updates with a conflict, and serves changes by cursor.
 */
export class FakeServer {
  readonly records = new Map<string, RecordEnvelope>();
  readonly answers = new Map<string, MutationResult>();
  readonly attachments = new Map<string, number>();
  readonly changes: Change[] = [];
  readonly log: LoggedRequest[] = [];
  /** Every create/update applied, in order: a duplicate shows up here twice. */
  readonly applied: string[] = [];
  readonly failures: Failure[] = [];
  csrfToken = 'csrf-123';
  private seq = 0;
  private readonly clock: () => number;

  constructor(clock: () => number = Date.now) {
    this.clock = clock;
  }

  readonly fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const { pathname, searchParams } = new URL(url);
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const body = await pushBody(init.body, headers.get('content-encoding'));
    this.log.push({
      method,
      path: pathname,
      at: this.clock(),
      csrf: headers.get('x-csrf-token'),
      credentials: init.credentials,
      mutationIds: body?.mutations.map((m) => m.id) ?? [],
    });
    const failure = this.failures.shift();
    if (failure?.network) throw new TypeError('fetch failed');
    if (failure?.hang) {
      return new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (failure?.status) {
      const extra: Record<string, string> = failure.retryAfter ? { 'retry-after': failure.retryAfter } : {};
      return new Response('{}', { status: failure.status, headers: extra });
    }
    if (method !== 'GET' && headers.get('x-csrf-token') !== this.csrfToken) return new Response('{}', { status: 403 });
    if (pathname === '/api/sync/push' && body) {
      const results = body.mutations.slice(0, failure?.answerOnly ?? body.mutations.length).map((m) => this.apply(m));
      if (failure?.dropAfterCommit) throw new TypeError('connection reset');
      return Response.json({ results });
    }
    if (pathname === '/api/sync/pull') {
      return Response.json(this.pull(searchParams.get('cursor') ?? '', Number(searchParams.get('limit') ?? 100)));
    }
    const upload = /^\/api\/attachments\/([0-9a-f]{64})$/.exec(pathname);
    if (upload && method === 'PUT') {
      const sha = upload[1]!;
      if (this.attachments.has(sha)) return new Response(null, { status: 409 });
      this.attachments.set(sha, (init.body as Blob).size);
      return new Response(null, { status: 201 });
    }
    return new Response('{}', { status: 404 });
  };

  pushCount(): number {
    return this.log.filter((r) => r.path === '/api/sync/push').length;
  }

  /** Someone else edits a record on the server (another device, the web). */
  editOnServer(id: string, data: Record<string, unknown>): RecordEnvelope {
    const current = this.records.get(id)!;
    const next = { ...current, data, revision: current.revision + 1 };
    this.store(next);
    return next;
  }

  /** Each kind of change carries the contract's shape of its `data` (schemas/sync.schema.json). */
  addApp(data: AppChange): void {
    this.changes.push({ seq: ++this.seq, type: 'app', data });
  }

  addRecord(data: Omit<RecordChange, 'seq'>): void {
    const seq = ++this.seq;
    this.changes.push({ seq, type: 'record', data: { ...data, seq } });
  }

  addTask(task: Task): void {
    this.changes.push({ seq: ++this.seq, type: 'task', data: { task } satisfies TaskChange });
  }

  addBalance(data: BalanceChange): void {
    this.changes.push({ seq: ++this.seq, type: 'balance', data });
  }

  private apply(mutation: Mutation): MutationResult {
    const first = this.answers.get(mutation.id);
    if (first) return first;
    const answer = this.decide(mutation);
    this.answers.set(mutation.id, answer);
    return answer;
  }

  private decide(mutation: Mutation): MutationResult {
    if (mutation.kind === 'action') return { id: mutation.id, status: 'accepted', recordId: mutation.recordId };
    const record = mutation.record;
    const problems = this.validate(record);
    if (problems.length > 0) {
      return {
        id: mutation.id,
        status: 'rejected',
        recordId: record.id,
        code: 'invalid-record',
        message: { 'zh-CN': '记录无效', en: 'Invalid record' },
        problems,
      };
    }
    const current = this.records.get(record.id);
    if (mutation.kind === 'create' && current) {
      return { id: mutation.id, status: 'conflict', recordId: record.id, revision: current.revision };
    }
    if (mutation.kind === 'update' && current?.revision !== mutation.baseRevision) {
      return {
        id: mutation.id,
        status: 'conflict',
        recordId: record.id,
        revision: current?.revision ?? 1,
        conflictCopy: uuidv7(),
      };
    }
    const seq = this.store(record);
    this.applied.push(record.id);
    return { id: mutation.id, status: 'accepted', recordId: record.id, revision: record.revision, seq };
  }

  private validate(record: RecordEnvelope): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const data = record.data as Record<string, unknown>;
    const qty = data.qty;
    if (typeof qty === 'number' && qty < 0) {
      problems.push({
        pointer: '/qty',
        field: 'qty',
        code: 'minimum',
        message: { 'zh-CN': '数量不能小于 0', en: 'Quantity cannot be below 0' },
      });
    }
    const photo = data.photo;
    if (typeof photo === 'string' && !this.attachments.has(photo)) {
      problems.push({
        pointer: '/photo',
        code: 'missing-attachment',
        message: { 'zh-CN': '照片未上传', en: 'Photo not uploaded' },
      });
    }
    return problems;
  }

  private store(record: RecordEnvelope): number {
    this.records.set(record.id, record);
    this.addRecord({ record, workflow: { status: 'none' } });
    return this.seq;
  }

  private pull(cursor: string, limit: number): PullResponse {
    const after = cursor === '' ? 0 : Number(cursor);
    const page = this.changes.filter((c) => c.seq > after).slice(0, limit);
    const last = page.at(-1)?.seq ?? after;
    return { changes: page, cursor: String(last), more: this.changes.some((c) => c.seq > last) };
  }
}
