/**
 * fetch wrapper for the API: JSON, same-origin cookies, the CSRF header on writes, Accept-Language, typed errors
 * (ApiError) and a 401 hook that sends the user to /login.
 * @example const r = await api.get<ItemsOf<PayslipSummary>>("/api/v1/me/payslips");
 */
import type { ApiErrorBody, Session } from "./types";

/** A failed request: HTTP status plus the server's code, message and details. @example e.code === "INPUT_INVALID" */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: string[];
  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

/** Whether a value is an ApiError. @example isApiError(e) && e.status === 404 */
export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;
let language = "zh-CN";
let onUnauthenticated: (() => void) | null = null;

/** Remembers the CSRF token from login/setup/me. @example setCsrfToken(session.csrfToken) */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sets the Accept-Language the client sends. @example setApiLanguage("en-US") */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Sets what happens on a 401 (the auth provider clears the user; default: go to /login). @example setUnauthenticatedHandler(() => setUser(null)) */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

/** The path to return to after signing in, as a /login URL. @example loginUrlFor("/my/2026-05") === "/login?next=%2Fmy%2F2026-05" */
export function loginUrlFor(path: string): string {
  return path && path !== "/" && !path.startsWith("/login")
    ? `/login?next=${encodeURIComponent(path)}`
    : "/login";
}

function handleUnauthenticated(): void {
  if (onUnauthenticated) onUnauthenticated();
  else window.location.assign(loginUrlFor(window.location.pathname + window.location.search));
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

function networkError(lang: string): ApiError {
  const zh = lang.startsWith("en")
    ? "Cannot reach the server; check the network and try again"
    : "无法连接服务器，请检查网络后重试";
  return new ApiError(0, { code: "NETWORK", message: zh, details: [] });
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    body = null;
  }
  return new ApiError(res.status, {
    code: typeof body?.code === "string" ? body.code : `HTTP_${res.status}`,
    message: typeof body?.message === "string" ? body.message : res.statusText || `HTTP ${res.status}`,
    details: Array.isArray(body?.details) ? body.details.map(String) : [],
  });
}

async function send(method: Method, url: string, body?: unknown, retried = false): Promise<Response> {
  const headers: Record<string, string> = { "Accept-Language": language, Accept: "application/json" };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: "same-origin" });
  } catch {
    throw networkError(language);
  }
  if (res.ok) return res;
  const err = await errorOf(res);
  if (err.code === "CSRF_INVALID" && !retried && (await refreshCsrf())) {
    return send(method, url, body, true);
  }
  const isAuthCall = url.startsWith("/api/v1/auth/");
  if (res.status === 401 && !isAuthCall) handleUnauthenticated();
  throw err;
}

/** Fetches /auth/me again for a fresh CSRF token; false when not signed in. */
async function refreshCsrf(): Promise<boolean> {
  try {
    const res = await fetch("/api/v1/auth/me", {
      headers: { "Accept-Language": language },
      credentials: "same-origin",
    });
    if (!res.ok) return false;
    const s = (await res.json()) as Session;
    csrfToken = s.csrfToken;
    return true;
  } catch {
    return false;
  }
}

async function json<T>(method: Method, url: string, body?: unknown): Promise<T> {
  const res = await send(method, url, body);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The file name from a Content-Disposition header. @example fileNameOf('attachment; filename="a.pdf"') === "a.pdf" */
export function fileNameOf(header: string | null, fallback = "download"): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Fall through to the plain filename.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** Downloads a file from the API and saves it under the server's file name. @example await api.download("/api/v1/payslips/2026-05/A001/pdf") */
async function download(url: string, fallbackName = "download"): Promise<void> {
  const res = await send("GET", url);
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get("Content-Disposition"), fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Typed API helpers. @example await api.post<Session>("/api/v1/auth/login", { login, password }) */
export const api = {
  get: <T>(url: string) => json<T>("GET", url),
  post: <T>(url: string, body?: unknown) => json<T>("POST", url, body ?? {}),
  put: <T>(url: string, body?: unknown) => json<T>("PUT", url, body ?? {}),
  patch: <T>(url: string, body?: unknown) => json<T>("PATCH", url, body ?? {}),
  delete: <T>(url: string) => json<T>("DELETE", url),
  upload: <T>(url: string, form: FormData) => json<T>("POST", url, form),
  download,
};

/** Builds a query string from defined values. @example query({ q: "张", offset: 0 }) === "?q=%E5%BC%A0&offset=0" */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
