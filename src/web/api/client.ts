import type { AllocationDetail, AllocationRequest, AllocationResult, AllocationSummary, AuditEntry, Organisation, OrganisationKind, Session } from "./types";

/** An API failure, carrying the server's Swedish message so the UI can show it as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

// The CSRF token comes with login and /me; every state-changing request must echo it.
let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can show the login page. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, "network", "Kunde inte nå servern. Kontrollera nätverksanslutningen och försök igen.");
  }
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: { path: string; message: string }[] } } | undefined)?.error;
    if (response.status === 401 && path !== "/api/auth/login" && path !== "/api/auth/me") onUnauthorized?.();
    throw new ApiError(
      response.status,
      error?.code ?? "http",
      error?.message ?? `Servern svarade med fel ${response.status} på ${method} ${path}.`,
      error?.details ?? [],
    );
  }
  return data as T;
}

export interface PopulationDate {
  date: string;
  /** How many areas have a figure that day, when the server says so. */
  areas?: number;
  /** Every county and municipality has a figure; undefined when the server does not say. */
  complete?: boolean;
  /** What the day covers: "riket, alla 21 län, 256 av 290 kommuner". */
  description?: string;
}

/** "2023-12-31 – ofullständig: riket, alla 21 län, 256 av 290 kommuner", for a date picker. */
export function populationDateLabel(d: PopulationDate): string {
  if (d.complete === undefined) return d.areas !== undefined ? `${d.date} (${d.areas} områden)` : d.date;
  return `${d.date} – ${d.complete ? "komplett" : "ofullständig"}: ${d.description ?? ""}`;
}

/** Accepts either a list of date strings or of {date, …} objects, as the route may return either. */
function normalisePopulationDates(data: unknown): PopulationDate[] {
  const list = Array.isArray(data) ? data : Array.isArray((data as { dates?: unknown })?.dates) ? (data as { dates: unknown[] }).dates : [];
  const dates: PopulationDate[] = [];
  for (const item of list) {
    if (typeof item === "string") dates.push({ date: item });
    else if (item && typeof item === "object" && typeof (item as { date?: unknown }).date === "string") {
      const { date, areas, complete, description } = item as { date: string; areas?: unknown; complete?: unknown; description?: unknown };
      dates.push({
        date,
        areas: typeof areas === "number" ? areas : undefined,
        complete: typeof complete === "boolean" ? complete : undefined,
        description: typeof description === "string" ? description : undefined,
      });
    }
  }
  return dates.sort((a, b) => b.date.localeCompare(a.date));
}

export const api = {
  login: (username: string, password: string) => request<Session>("POST", "/api/auth/login", { username, password }),
  me: () => request<Session>("GET", "/api/auth/me"),
  ssoStatus: () => request<{ enabled: boolean; name: string | null }>("GET", "/api/auth/oidc"),
  logout: () => request<{ ok: boolean }>("POST", "/api/auth/logout"),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<{ ok: boolean }>("POST", "/api/auth/password", { currentPassword, newPassword }),
  organisations: (kind?: OrganisationKind) =>
    request<Organisation[]>("GET", kind ? `/api/organisations?kind=${encodeURIComponent(kind)}` : "/api/organisations"),
  populationDates: async () => normalisePopulationDates(await request<unknown>("GET", "/api/population/coverage")),
  preview: (req: AllocationRequest) => request<AllocationResult>("POST", "/api/allocations/preview", req),
  listAllocations: () => request<AllocationSummary[]>("GET", "/api/allocations"),
  getAllocation: (id: number) => request<AllocationDetail>("GET", `/api/allocations/${id}`),
  createAllocation: (title: string, organisationId: number, req: AllocationRequest) =>
    request<AllocationDetail>("POST", "/api/allocations", { title, organisationId, request: req }),
  /** `revision` is the one the page loaded: a newer one on the server gives 409 (code stale). */
  updateAllocation: (id: number, revision: number, title: string, req: AllocationRequest) =>
    request<AllocationDetail>("PUT", `/api/allocations/${id}`, { title, request: req, revision }),
  decide: (id: number, revision: number) => request<AllocationDetail>("POST", `/api/allocations/${id}/decide`, { revision }),
  newVersion: (id: number, revision: number) => request<AllocationDetail>("POST", `/api/allocations/${id}/versions`, { revision }),
  audit: (filter: AuditQuery, limit: number, before?: number) =>
    request<{ entries: AuditEntry[]; total: number }>("GET", `/api/audit?${auditQuery(filter, { limit: String(limit), before: before ? String(before) : "" })}`),
  verifyAudit: () => request<AuditChainReport>("GET", "/api/audit/verify"),
};

/** The audit page's filter as the API's query parameters (user, entity, entityId, action, from, to). */
export interface AuditQuery {
  user?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export interface AuditChainReport {
  intact: boolean;
  entries: number;
  lastId: number | null;
  message: string;
}

export function auditQuery(filter: AuditQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v) params.set(k, v);
  return params.toString();
}

export const auditExportUrl = (filter: AuditQuery, format: "csv" | "xlsx") => `/api/audit/export.${format}?${auditQuery(filter)}`;

export const exportUrl = (id: number, format: "xlsx" | "csv") => `/api/allocations/${id}/export.${format}`;

/** JSON request for an area's own API module (src/web/areas/<area>/api.ts). */
export function requestJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body);
}

/** multipart/form-data upload (a file import), with the CSRF token and the server's Swedish errors. */
export async function uploadForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: { Accept: "application/json", ...(csrfToken ? { "X-CSRF-Token": csrfToken } : {}) }, credentials: "same-origin", body: form });
  } catch {
    throw new ApiError(0, "network", "Kunde inte nå servern. Kontrollera nätverksanslutningen och försök igen.");
  }
  const data = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; details?: { path: string; message: string }[] } } | undefined;
  if (!response.ok) {
    throw new ApiError(response.status, data?.error?.code ?? "http", data?.error?.message ?? `Servern svarade med fel ${response.status} på POST ${path}.`, data?.error?.details ?? []);
  }
  return data as T;
}

/**
 * Uploads a file's bytes (application/octet-stream) with upload progress, which fetch cannot
 * report: onProgress gets the fraction sent, 0–1. Errors carry the server's Swedish message.
 */
export function uploadWithProgress<T>(path: string, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("Accept", "application/json");
    if (csrfToken) xhr.setRequestHeader("X-CSRF-Token", csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, "network", "Kunde inte nå servern. Kontrollera nätverksanslutningen och försök igen."));
    xhr.onload = () => {
      let data: { error?: { code?: string; message?: string; details?: { path: string; message: string }[] } } | undefined;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      if (xhr.status === 401) onUnauthorized?.();
      reject(new ApiError(xhr.status, data?.error?.code ?? "http", data?.error?.message ?? `Servern svarade med fel ${xhr.status} på POST ${path}.`, data?.error?.details ?? []));
    };
    xhr.send(file);
  });
}
