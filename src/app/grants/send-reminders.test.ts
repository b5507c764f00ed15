import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db";
import type { OpenDatabase } from "../../db/connect";
import { loadDemoGrants } from "../../db/demo/grants";
import { loadReferenceData } from "../../db/queries/reference";
import { createUser } from "../../server/auth/users";
import { sendDueReminders } from "./send-reminders";
import { smtpConfigFromEnv } from "./smtp-config";

interface Received {
  to: string[];
  data: string;
}

describe("e-mail reminders over SMTP", () => {
  let opened: OpenDatabase;
  let server: SMTPServer;
  let url: string;
  const inbox: Received[] = [];

  beforeAll(async () => {
    opened = await createTestDatabase();
    await loadReferenceData(opened.db);
    await loadDemoGrants(opened.db);
    const userId = await createUser(opened.db, { username: "samordnare23", displayName: "Samordnare", password: "lösenord-123", roles: [{ organisationCode: "23", role: "editor" }] });
    await opened.db.insertInto("reminder_settings").values({ user_id: userId, email: "samordnare@regionjh.se", days_before: 14, enabled: true }).execute();
    const norra = await opened.db.selectFrom("organisations").select("id").where("code", "=", "SVR-NORRA").executeTakeFirstOrThrow();
    await opened.db.insertInto("reminder_settings").values({ organisation_id: norra.id, email: "kansli@norra.se", days_before: 3, enabled: true }).execute();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
        stream.on("end", () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await opened.close();
  });

  it("is off without FORDELA_SMTP_URL", () => {
    expect(smtpConfigFromEnv({})).toBeNull();
    expect(smtpConfigFromEnv({ FORDELA_SMTP_URL: "smtp://h:25", FORDELA_SMTP_FROM: "a@b.se" })).toEqual({ url: "smtp://h:25", from: "a@b.se" });
  });

  it("sends each due deadline once per address, and nothing on a second run", async () => {
    const smtp = { url, from: "Fördela <fordela@example.se>" };
    // 2023-11-20: the requisitions of 2023-12-01 are 11 days off, inside Jämtland's 14 days but outside Norra's 3.
    const first = await sendDueReminders(opened.db, smtp, "2023-11-20");
    expect(first.failed).toEqual([]);
    expect(first.sent.map((s) => [s.email, s.key])).toEqual([["samordnare@regionjh.se", expect.stringMatching(/^requisition:\d+:23:2023-12-01$/)]]);
    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.to).toEqual(["samordnare@regionjh.se"]);
    const decoded = mail.data.replace(/=\r\n/g, "");
    expect(decoded).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(first.sent[0]!.subject).toBe("Påminnelse: Rekvisition till Kammarkollegiet senast 2023-12-01 – Region Jämtland Härjedalen");
    expect(decoded).toContain("From: =?UTF-8?Q?F=C3=B6rdela?= <fordela@example.se>");
    expect(decoded).toMatch(/om 11 dagar/);
    const body = Buffer.from(decoded.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
    expect(body).toContain("Organisation: Region Jämtland Härjedalen");
    expect(body).toContain("Belopp: 787\u00a0491\u00a0kr");
    expect(body).toContain("(S2023/00488): Arbetet med personcentrerade och sammanhållna vårdförlopp (bilaga 1)");

    const second = await sendDueReminders(opened.db, smtp, "2023-11-21");
    expect(second.sent).toEqual([]);
    expect(inbox).toHaveLength(1);

    // On 2023-11-28 Norra's 3 days reach its requisition too; Jämtland's stays sent.
    const third = await sendDueReminders(opened.db, smtp, "2023-11-28");
    expect(third.sent.map((s) => s.email)).toEqual(["kansli@norra.se"]);
    expect(inbox).toHaveLength(2);
  });

  it("gives the claim back when sending fails, so the next run tries again", async () => {
    const broken = { url: "smtp://127.0.0.1:1", from: "fordela@example.se" };
    const run = await sendDueReminders(opened.db, broken, "2024-03-20");
    expect(run.sent).toEqual([]);
    expect(run.failed.length).toBeGreaterThan(0);
    const claimed = await opened.db.selectFrom("reminders_sent").select("deadline_key").where("deadline_key", "like", "%2024-03-31").execute();
    expect(claimed).toEqual([]);
    const retry = await sendDueReminders(opened.db, { url, from: "fordela@example.se" }, "2024-03-20");
    expect(retry.sent.map((s) => s.key.split(":")[0]).sort()).toEqual(["financial_report", "financial_report", "repayment", "repayment"]);
  });
});
