/*
 * What each receiver gets. DingTalk and WeCom group robots take `{"msgtype":"text","text":{"content"}}`
 * (plain text: user-authored labels can never become markup in the group); DingTalk "加签" signs the
 * URL with `timestamp` and `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)). A generic
 * receiver gets the event as JSON with `x-gongfang-signature: sha256=<hex HMAC of "<timestamp>.<body>">`.
 */
import { createHmac } from 'node:crypto';
import type { EventPayload } from './events.ts';

export type WebhookFormat = 'dingtalk' | 'wecom' | 'generic';

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

export function genericSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The robot's text: both languages, zh-CN first (what the group reads), capped at robot limits. */
function robotText(payload: EventPayload): string {
  const zh = payload.summary['zh-CN'];
  const en = payload.summary.en;
  const text = zh === en ? zh : `${zh}\n${en}`;
  return `【工坊 Gongfang】${text}`.slice(0, 2000);
}

export function buildRequest(
  hook: { url: string; secret: string; format: WebhookFormat },
  event: string,
  payload: EventPayload,
  now = Date.now(),
): OutgoingRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (hook.format === 'generic') {
    const body = JSON.stringify(payload);
    headers['x-gongfang-event'] = event;
    headers['x-gongfang-timestamp'] = String(now);
    headers['x-gongfang-signature'] = genericSignature(hook.secret, now, body);
    return { url: hook.url, headers, body };
  }
  const body = JSON.stringify({ msgtype: 'text', text: { content: robotText(payload) } });
  if (hook.format === 'wecom') return { url: hook.url, headers, body };
  const url = new URL(hook.url);
  if (hook.secret) {
    url.searchParams.set('timestamp', String(now));
    url.searchParams.set('sign', dingtalkSign(hook.secret, now));
  }
  return { url: url.toString(), headers, body };
}

/** DingTalk and WeCom answer 200 with `errcode` ≠ 0 when they refuse a message. */
export function robotRefusal(format: WebhookFormat, responseText: string): string | null {
  if (format === 'generic') return null;
  try {
    const parsed = JSON.parse(responseText) as { errcode?: unknown; errmsg?: unknown };
    if (typeof parsed.errcode === 'number' && parsed.errcode !== 0)
      return `errcode ${parsed.errcode}: ${String(parsed.errmsg ?? '')}`;
  } catch {
    // not JSON: judged by the status code alone
  }
  return null;
}
