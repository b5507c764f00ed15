// Sessions live in src/app/auth/sessions.ts; the cookie is the server's business.
export const sessionCookie = "fordela_session";
export { createSession, deleteSession, findSession } from "../../app/auth/sessions";
