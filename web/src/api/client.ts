// The one HTTP client of the web app: JSON in and out, the session's CSRF token on every unsafe
// request, and the platform's error body ({ error: { code, message, details } }) as an ApiError.

import type { ApiPath, Body, CallOptions, ErrorBody, HttpMethod, Json, MethodOf, PathWith } from './schema';

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

/** The ApiError of a failed answer from its parsed body (null when it was not JSON: a proxy or a crash page). */
function apiErrorOf(status: number, statusText: string, body: unknown): ApiError {
  const e = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[] } } | null)?.error;
  if (e) return new ApiError(status, e.code ?? 'error', e.message ?? (statusText || `HTTP ${status}`), Array.isArray(e.details) ? e.details : []);
  return new ApiError(status, status >= 500 ? 'server_error' : 'http_error', statusText || `HTTP ${status}`);
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON
  }
  return apiErrorOf(res.status, res.statusText, body);
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** Call the API; resolves to the JSON body, rejects with ApiError. */
async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
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

// Typed calls. The path is a key of the generated `paths`, as in Json and Body
// ('/api/v1/subjects/{code}'); with the method it fixes the rest: `options.params` fills the path's
// `{name}` segments, `options.query` is the operation's querystring, the body is Body<P, M> and the
// answer Json<P, M> (its success status; void for a 204). Conditional tuples make an argument
// optional when nothing in it is required: no options for a plain path, no body for logout; a
// body-less call with path parameters passes `undefined` in the body's place.
// (`Of<P, M>` is just M: spelled so that TypeScript sees that P, a PathWith<M>, declares M.)
type Of<P extends ApiPath, M extends HttpMethod> = Extract<M, MethodOf<P>>;
type Answer<P extends ApiPath, M extends HttpMethod> = [Json<P, Of<P, M>>] extends [never] ? void : Json<P, Of<P, M>>;
type OptionsArg<P extends ApiPath, M extends HttpMethod, O = CallOptions<P, Of<P, M>>> = Partial<O> extends O ? [options?: O] : [options: O];
// A call without a body still has the body's place, so that the options never land in it:
// `api.post(path)`, or `api.post(path, undefined, { params })` when the path has parameters.
type BodyArg<P extends ApiPath, M extends HttpMethod, O = CallOptions<P, Of<P, M>>> = [Body<P, Of<P, M>>] extends [never]
  ? (Partial<O> extends O ? [body?: undefined] : [body: undefined])
  : [body: Body<P, Of<P, M>>];

/** The options as the implementation reads them, once the types above have checked them. */
interface LooseOptions { params?: Record<string, string | number>; query?: Query }

/** The path with its `{name}` segments filled in, URL-encoded. */
function fillPath(path: string, params: LooseOptions['params'] = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
}

function send<T>(method: string, path: string, options: unknown, body?: unknown, signal?: AbortSignal): Promise<T> {
  const { params, query } = (options ?? {}) as LooseOptions;
  return request<T>(method, fillPath(path, params), { query, body, signal });
}

export const api = {
  get: <P extends PathWith<'get'>>(path: P, ...[options, signal]: [...OptionsArg<P, 'get'>, signal?: AbortSignal]) =>
    send<Answer<P, 'get'>>('GET', path, options, undefined, signal as AbortSignal | undefined),
  post: <P extends PathWith<'post'>>(path: P, ...[body, options]: [...BodyArg<P, 'post'>, ...OptionsArg<P, 'post'>]) =>
    send<Answer<P, 'post'>>('POST', path, options, body ?? {}),
  put: <P extends PathWith<'put'>>(path: P, ...[body, options]: [...BodyArg<P, 'put'>, ...OptionsArg<P, 'put'>]) =>
    send<Answer<P, 'put'>>('PUT', path, options, body ?? {}),
  patch: <P extends PathWith<'patch'>>(path: P, ...[body, options]: [...BodyArg<P, 'patch'>, ...OptionsArg<P, 'patch'>]) =>
    send<Answer<P, 'patch'>>('PATCH', path, options, body ?? {}),
  del: <P extends PathWith<'delete'>>(path: P, ...[options]: OptionsArg<P, 'delete'>) =>
    send<Answer<P, 'delete'>>('DELETE', path, options),
};

/**
 * Upload a multipart form with progress (fetch cannot report upload progress, XMLHttpRequest can).
 * onProgress gets 0..1; resolves to the JSON answer.
 */
export function uploadWithProgress<P extends PathWith<'post'>>(
  path: P, form: FormData, onProgress: (fraction: number) => void, query?: CallOptions<P, Of<P, 'post'>>['query'],
): Promise<Answer<P, 'post'>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path, query as Query | undefined));
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
        resolve(body as Answer<P, 'post'>);
        return;
      }
      reject(apiErrorOf(xhr.status, xhr.statusText, body));
    };
    xhr.send(form);
  });
}
