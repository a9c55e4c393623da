/** HTTP to a target: its ordinary API under /api/v1, with its API key as a Bearer token. */

/** Delivery did not get a usable answer (network, timeout, 5xx, refused credential, malformed receipt): retried. */
export class DeliveryFailure extends Error {}

export interface WireAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Answers that say "these rows are wrong", not "try again": stored as a receipt with every row rejected. */
const REJECTING = new Set([400, 404, 409, 413, 415, 422]);

export async function postJson(baseUrl: string, credential: string, path: string, body: unknown, timeoutMs: number): Promise<WireAnswer> {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/v1${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError') throw new DeliveryFailure(`对方平台 ${timeoutMs / 1000} 秒内未应答（超时）`);
    throw new DeliveryFailure(`无法连接对方平台：${e.cause?.code ?? e.message}`);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw new DeliveryFailure(`读取对方应答失败：${(err as Error).message}`);
  }
  if (res.status >= 500 || res.status === 401 || res.status === 403 || res.status === 429 || (!res.ok && !REJECTING.has(res.status))) {
    throw new DeliveryFailure(`对方平台应答 HTTP ${res.status}：${text.slice(0, 200)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DeliveryFailure(`对方应答不是有效的回执（HTTP ${res.status}，非 JSON）`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new DeliveryFailure(`对方应答不是有效的回执（HTTP ${res.status}）`);
  return { status: res.status, body: parsed as Record<string, unknown> };
}
