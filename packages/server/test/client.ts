import { TEST_PASSWORD } from './harness.ts';

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON answers
  body: any;
}

/**
 * A browser stand-in over real HTTP: keeps cookies, and sends the CSRF cookie back in the
 * x-csrf-token header on unsafe methods, as the runtime will.
 */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  private remember(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Raw request: `body` a string is sent as is (malformed JSON tests), anything else as JSON. */
  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: string | false; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = options.csrf ?? this.cookies.get('gf_csrf');
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.base + path, { method, headers, body: payload, redirect: 'manual' });
    this.remember(response.headers);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (HTML pages): keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown, options?: { csrf?: string | false }) {
    return this.request('POST', path, body, options);
  }
  patch(path: string, body?: unknown, options?: { csrf?: string | false }) {
    return this.request('PATCH', path, body, options);
  }

  async login(user: string, org = 'alpha', password = TEST_PASSWORD): Promise<Answer> {
    const answer = await this.post('/api/auth/login', { org, user, password });
    if (answer.status !== 200) throw new Error(`login ${org}/${user} failed: ${JSON.stringify(answer.body)}`);
    return answer;
  }
}

/** Signed-in clients of org alpha (and beta's admin), for tests that need several people. */
export async function signedInAs(base: string, user: string, org = 'alpha'): Promise<Client> {
  const client = new Client(base);
  await client.login(user, org);
  return client;
}
