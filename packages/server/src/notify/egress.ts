/*
 * Outgoing webhook requests, guarded against server-side request forgery: an org admin may enter
 * any URL, so a delivery must not reach the server's own loopback, the cloud metadata address or
 * the plant's private network unless the operator of the server allowed that network
 * (`WEBHOOK_ALLOW_NETS`, e.g. an on-premises MES at 10.20.0.0/16). The check runs on the address
 * the socket actually connects to (the `lookup` hook), so a host name that resolves to a private
 * address — or re-resolves to one after a first harmless answer (DNS rebinding) — is refused too.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Address ranges no webhook may reach by default (IANA special-purpose registries). */
const SPECIAL_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const SPECIAL_V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // well-known NAT64 prefix (reaches IPv4 addresses, the metadata service too)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['2002::', 16], // 6to4 (embeds an IPv4 address)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
];

const special = new BlockList();
for (const [net, prefix] of SPECIAL_V4) special.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of SPECIAL_V6) special.addSubnet(net, prefix, 'ipv6');

/** An IPv4 address written as IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export interface EgressPolicy {
  /** Networks (CIDR or single addresses) and host names a webhook may reach although special. */
  allowNets: BlockList;
  allowHosts: ReadonlySet<string>;
}

/**
 * Reads `WEBHOOK_ALLOW_NETS`: a comma-separated list of CIDRs (`10.20.0.0/16`, `fd00::/8`), single
 * addresses and host names (`mes.plant.local`). Throws on an entry that is none of these, so a typo
 * stops the server at start rather than silently refusing deliveries.
 */
export function parseEgressPolicy(value: string | undefined): EgressPolicy {
  const allowNets = new BlockList();
  const allowHosts = new Set<string>();
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const [net, prefixText] = entry.split('/');
    const family = isIP(net ?? '');
    if (family !== 0 && net) {
      const type = family === 4 ? 'ipv4' : 'ipv6';
      const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
        throw new Error(`WEBHOOK_ALLOW_NETS: bad prefix in "${raw.trim()}"`);
      }
      allowNets.addSubnet(net, prefix, type);
    } else if (
      prefixText === undefined &&
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)
    ) {
      allowHosts.add(entry);
    } else {
      throw new Error(`WEBHOOK_ALLOW_NETS: "${raw.trim()}" is neither a network, an address nor a host name`);
    }
  }
  return { allowNets, allowHosts };
}

/** No exceptions: every special-purpose address is refused. */
export const STRICT_EGRESS: EgressPolicy = parseEgressPolicy('');

/** Why `address` may not be reached, or null when it may. */
export function refusal(address: string, policy: EgressPolicy): string | null {
  const { address: a, family } = unmapped(address);
  if (!special.check(a, family)) return null;
  if (policy.allowNets.check(a, family)) return null;
  return `address ${address} is in a private or special-purpose network; allow it with WEBHOOK_ALLOW_NETS`;
}

export class EgressRefused extends Error {
  override name = 'EgressRefused';
}

/** A `lookup` for sockets that resolves as usual, then refuses special-purpose answers. */
function guardedLookup(policy: EgressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      // Every answer must pass: otherwise the connection could race to the private one.
      for (const { address } of addresses) {
        const why = refusal(address, policy);
        if (why) return callback(new EgressRefused(why), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new EgressRefused(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

export interface PostResult {
  status: number;
  /** The first `maxBody` characters of the answer. */
  text: string;
}

/**
 * POSTs `body` to `url` without following redirects (a redirect is an answer, never a second
 * request to wherever it points). Rejects with EgressRefused when the target is not allowed.
 */
export function postGuarded(
  url: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number; policy: EgressPolicy; maxBody?: number },
): Promise<PostResult> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const allowedByName = init.policy.allowHosts.has(host.toLowerCase());
  if (!allowedByName && isIP(host)) {
    // An address literal never goes through `lookup`: judge it here.
    const why = refusal(host, init.policy);
    if (why) return Promise.reject(new EgressRefused(why));
  }
  const maxBody = init.maxBody ?? 2000;
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
    timeout: init.timeoutMs,
    ...(allowedByName ? {} : { lookup: guardedLookup(init.policy) }),
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => req.destroy(new Error(`timed out after ${init.timeoutMs} ms`)), init.timeoutMs);
    const req = send(target, options, (response: IncomingMessage) => {
      let text = '';
      // Enough of the body read: the rest is not wanted, so the cut is ours, not a failure.
      let enough = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (text.length < maxBody) text += chunk;
        if (text.length >= maxBody && !enough) {
          enough = true;
          response.destroy();
        }
      });
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0, text: text.slice(0, maxBody) });
      };
      const cut = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        // A body reset or timed out half-way: the receiver's answer is unknown, so not delivered.
        reject(error ?? new Error('the response was cut off before its end'));
      };
      response.on('end', done);
      response.on('close', () => (enough || response.complete ? done() : cut()));
      response.on('error', (error) => (enough ? done() : cut(error)));
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${init.timeoutMs} ms`)));
    req.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    req.end(init.body);
  });
}
