import type { OpenDatabase } from "../../src/db/connect";
import { loadReferenceData } from "../../src/db/queries/reference";
import { createApp } from "../../src/server/app";
import { createUser, type NewUser } from "../../src/server/auth/users";
import { createTestDatabase } from "./db";

export interface TestClient {
  request(method: string, path: string, body?: unknown): Promise<Response>;
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** POST a file's bytes as application/octet-stream. */
  upload(path: string, body: string | Uint8Array<ArrayBuffer>): Promise<Response>;
  /** Sends a body exactly as given, with the content type given (none when undefined). */
  send(method: string, path: string, body?: string | Uint8Array<ArrayBuffer>, contentType?: string): Promise<Response>;
}

export interface TestApi {
  opened: OpenDatabase;
  app: ReturnType<typeof createApp>;
  /** Creates a user (password "lösenord-123") and returns a client logged in as that user. */
  loginAs(user: Omit<NewUser, "password">): Promise<TestClient>;
  anonymous: TestClient;
  close(): Promise<void>;
}

export const testPassword = "lösenord-123";

/** A migrated test database with reference data, and the app wired to it, for app.request tests. */
export async function createTestApi(): Promise<TestApi> {
  const opened = await createTestDatabase();
  await loadReferenceData(opened.db);
  const app = createApp(opened.db, { secureCookies: false });

  function client(cookie?: string, csrf?: string): TestClient {
    const request = (method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (csrf && method !== "GET") headers["x-csrf-token"] = csrf;
      // A browser names its origin on every write; the server refuses writes from other sites.
      if (method !== "GET") headers.origin = "http://localhost";
      if (body !== undefined) headers["content-type"] = "application/json";
      return Promise.resolve(app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
    };
    const upload = (path: string, body: string | Uint8Array<ArrayBuffer>) => {
      const headers: Record<string, string> = { "content-type": "application/octet-stream", origin: "http://localhost" };
      if (cookie) headers.cookie = cookie;
      if (csrf) headers["x-csrf-token"] = csrf;
      return Promise.resolve(app.request(path, { method: "POST", headers, body }));
    };
    const send = (method: string, path: string, body?: string | Uint8Array<ArrayBuffer>, contentType?: string) => {
      const headers: Record<string, string> = { origin: "http://localhost" };
      if (contentType) headers["content-type"] = contentType;
      if (cookie) headers.cookie = cookie;
      if (csrf) headers["x-csrf-token"] = csrf;
      return Promise.resolve(app.request(path, { method, headers, body }));
    };
    return {
      request,
      upload,
      send,
      async json<T>(method: string, path: string, body?: unknown) {
        const res = await request(method, path, body);
        return { status: res.status, body: (await res.json()) as T };
      },
    };
  }

  async function loginAs(user: Omit<NewUser, "password">): Promise<TestClient> {
    await createUser(opened.db, { ...user, password: testPassword });
    const res = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: user.username, password: testPassword }),
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return client(cookie, csrfToken);
  }

  return { opened, app, loginAs, anonymous: client(), close: () => opened.close() };
}
