import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { systemActor } from "../../app/actor";
import { addUser } from "../../app/users/add-user";
import { deactivateUser, reactivateUser } from "../../app/users/deactivate-user";
import { endSessions } from "../../app/users/end-sessions";
import { getUser } from "../../app/users/get-user";
import { listUsers } from "../../app/users/list-users";
import { removeRole } from "../../app/users/remove-role";
import { resetPassword } from "../../app/users/reset-password";
import { setRole } from "../../app/users/set-role";
import type { UserView } from "../../app/users/user-view";
import { UserFacingError } from "../../core/errors";
import { roleFromName, roleNames, roles, type Role } from "../../core/roles";
import type { Db } from "../../db/connect";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";

const roleChoices = roles.map((r) => `${roleNames[r]} (${r})`).join(", ");

export const userHelp = `fordela user list [--search TEXT] [--org KOD] [--all]
  Listar användare (--all: även avstängda).
fordela user add ANVÄNDARNAMN [--name "Namn"] [--org KOD --role ROLL]… [--admin] [--password-stdin]
  Skapar en användare. Utan --password-stdin skapas ett engångslösenord som skrivs ut en gång.
fordela user set-role ANVÄNDARNAMN --org KOD --role ROLL   ger eller byter roll i organisationen
fordela user remove-role ANVÄNDARNAMN --org KOD              tar bort rollen i organisationen
fordela user reset-password ANVÄNDARNAMN                     nytt engångslösenord, skrivs ut en gång
fordela user deactivate ANVÄNDARNAMN | reactivate ANVÄNDARNAMN
fordela user sessions ANVÄNDARNAMN | end-sessions ANVÄNDARNAMN [--session ID]
  Roller: ${roleChoices}.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function parseRole(text: string): Role {
  const role = roleFromName(text);
  if (!role) throw new CliError(`Okänd roll "${text}": välj ${roleChoices}.`);
  return role;
}

// The operator at the machine acts with full rights; the audit log names them.
const actor = () => systemActor(`cli:${userInfo().username}`);

async function userId(db: Db, username: string | undefined): Promise<number> {
  if (!username) throw new CliError(`Ange ett användarnamn.\n${userHelp}`);
  const row = await db.selectFrom("users").select("id").where((eb) => eb(eb.fn("lower", ["username"]), "=", username.toLowerCase())).executeTakeFirst();
  if (!row) throw new CliError(`Användaren "${username}" finns inte.`);
  return row.id;
}

async function organisationId(db: Db, code: string | undefined): Promise<number> {
  if (!code) throw new CliError("Ange organisationen med --org KOD.");
  const row = await db.selectFrom("organisations").select("id").where("code", "=", code).executeTakeFirst();
  if (!row) throw new CliError(`Organisationen "${code}" finns inte.`);
  return row.id;
}

const describeRoles = (u: UserView) => (u.isAdmin ? ["systemadministratör"] : []).concat(u.roles.map((r) => `${roleNames[r.role]} i ${r.organisationCode}`)).join(", ") || "inga roller";

function printUser(u: UserView): void {
  const state = u.active ? (u.mustChangePassword ? "ska byta lösenord" : "aktiv") : `avstängd ${u.deactivatedAt?.slice(0, 10)}`;
  console.log(`${u.username}\t${u.displayName}\t${state}\t${describeRoles(u)}\t${u.activeSessions} sessioner`);
}

export async function userCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      org: { type: "string", multiple: true },
      role: { type: "string", multiple: true },
      admin: { type: "boolean", default: false },
      "password-stdin": { type: "boolean", default: false },
      search: { type: "string" },
      all: { type: "boolean", default: false },
      session: { type: "string" },
    },
  });
  const known = ["list", "add", "set-role", "remove-role", "reset-password", "deactivate", "reactivate", "sessions", "end-sessions"];
  if (!sub || !known.includes(sub)) throw new CliError(`Okänt underkommando "${sub ?? ""}".\n${userHelp}`);
  const orgs = values.org ?? [];
  const roleList = (values.role ?? []).map(parseRole);
  const password = sub === "add" && values["password-stdin"] ? await readStdin() : undefined;
  const opened = await openAppDatabase();
  const db = opened.db;
  try {
    const username = positionals[0];
    switch (sub) {
      case "list": {
        const users = await listUsers(db, actor(), { search: values.search, organisationId: orgs[0] ? await organisationId(db, orgs[0]) : undefined, includeDeactivated: values.all });
        if (users.length === 0) console.log("Inga användare.");
        users.forEach(printUser);
        break;
      }
      case "add": {
        if (!username) throw new CliError(`Ange ett användarnamn.\n${userHelp}`);
        if (orgs.length !== roleList.length) throw new CliError("Ange en --role för varje --org.");
        const added = await addUser(db, actor(), {
          username,
          displayName: values.name,
          isAdmin: values.admin,
          password,
          roles: orgs.map((organisationCode, i) => ({ organisationCode, role: roleList[i]! })),
        }).catch((err: unknown) => {
          // A name already taken is the operator's typing, like a bad option: exit 2.
          throw err instanceof UserFacingError && err.code === "duplicate" ? new CliError(err.message) : err;
        });
        console.log(`Användaren ${username} är skapad (${describeRoles(added.user)}).`);
        if (added.oneTimePassword) console.log(`Engångslösenord (visas bara nu, byts vid första inloggningen): ${added.oneTimePassword}`);
        break;
      }
      case "set-role": {
        if (orgs.length !== 1 || roleList.length !== 1) throw new CliError("Ange en --org och en --role.");
        const user = await setRole(db, actor(), { userId: await userId(db, username), organisationId: await organisationId(db, orgs[0]), role: roleList[0]! });
        console.log(`${user.username}: ${describeRoles(user)}.`);
        break;
      }
      case "remove-role": {
        const user = await removeRole(db, actor(), { userId: await userId(db, username), organisationId: await organisationId(db, orgs[0]) });
        console.log(`${user.username}: ${describeRoles(user)}.`);
        break;
      }
      case "reset-password": {
        const done = await resetPassword(db, actor(), { userId: await userId(db, username) });
        console.log(`Nytt engångslösenord för ${done.user.username} (visas bara nu, byts vid nästa inloggning): ${done.oneTimePassword}`);
        if (done.endedSessions > 0) console.log(`${done.endedSessions} sessioner avslutades.`);
        break;
      }
      case "deactivate": {
        const user = await deactivateUser(db, actor(), { userId: await userId(db, username) });
        console.log(`${user.username} är avstängd och kan inte logga in.`);
        break;
      }
      case "reactivate": {
        const user = await reactivateUser(db, actor(), { userId: await userId(db, username) });
        console.log(`${user.username} är aktiv igen.`);
        break;
      }
      case "sessions": {
        const user = await getUser(db, actor(), await userId(db, username));
        if (user.sessions.length === 0) console.log(`${user.username} har inga pågående sessioner.`);
        for (const s of user.sessions) console.log(`${s.id}\tinloggad ${s.createdAt}\tsenast ${s.lastSeenAt}\t${s.clientAddress ?? "okänd adress"}\t${s.userAgent ?? ""}`);
        break;
      }
      case "end-sessions": {
        const { ended } = await endSessions(db, actor(), { userId: await userId(db, username), sessionId: values.session });
        console.log(`${ended} sessioner avslutades.`);
        break;
      }
    }
  } finally {
    await opened.close();
  }
}
