// The one HTTP client of the web app: JSON in and out, the session's CSRF token on every unsafe
// request, and the platform's error body ({ error: { code, message, details } }) as an ApiError.

import type { ErrorBody } from './schema';

/** One detail of an error: the field, row or position it is about; some carry more keys (e.g. the id of a duplicate). */
export type ErrorDetail = ErrorBody['error']['details'][number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The route does not exist on this server (a module not wired yet), as opposed to a missing record. */
  get routeMissing(): boolean {
    return this.status === 404 && this.code === 'route_not_found';
  }
}

const CSRF_KEY = 'xy_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const csrf = {
  get: (): string | null => localStorage.getItem(CSRF_KEY),
  set: (token: string | null) => (token ? localStorage.setItem(CSRF_KEY, token) : localStorage.removeItem(CSRF_KEY)),
};

export type Query = Record<string, string | number | boolean | null | undefined | string[]>;

/** `/api/v1` + path + query string without empty values. */
export function apiUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api/') ? path : `/api/v1${path}`;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => qs.append(k, x));
    else qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${url}?${s}` : url;
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: a proxy or a crash page
  }
  const e = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)?.error;
  if (e) return new ApiError(res.status, e.code ?? 'error', e.message ?? res.statusText, Array.isArray(e.details) ? e.details : []);
  return new ApiError(res.status, res.status >= 500 ? 'server_error' : 'http_error', res.statusText || `HTTP ${res.status}`);
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Call the API; resolves to the JSON body, rejects with ApiError. */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const token = csrf.get();
  if (UNSAFE.has(method) && token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method, headers, credentials: 'same-origin', signal: opts.signal,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', '无法连接服务器');
  }
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { body: body ?? {}, headers }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * Upload a multipart form with progress (fetch cannot report upload progress, XMLHttpRequest can).
 * onProgress gets 0..1; resolves to the JSON answer.
 */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (fraction: number) => void, query?: Query): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path, query));
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrf.get();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', '无法连接服务器'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // fall through with null
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
        return;
      }
      const e = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)?.error;
      reject(new ApiError(xhr.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${xhr.status}`, e?.details ?? []));
    };
    xhr.send(form);
  });
}
