import { parseArgs } from "node:util";
import { generatePassword } from "../../app/users/password-hash";
import { createUser } from "../../app/users/create-user";
import type { Role } from "../../db/schema";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";

export const userHelp = `fordela user add ANVÄNDARNAMN [--name "Namn"] [--org KOD --role reader|editor|approver|admin] [--admin] [--password-stdin]
  Skapar en användare. Utan --password-stdin skapas ett engångslösenord som skrivs ut en gång.`;

const roles: Role[] = ["reader", "editor", "approver", "admin"];

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

export async function userCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new CliError(`Okänt underkommando "${sub ?? ""}".\n${userHelp}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      org: { type: "string", multiple: true },
      role: { type: "string", multiple: true },
      admin: { type: "boolean", default: false },
      "password-stdin": { type: "boolean", default: false },
    },
  });
  const username = positionals[0];
  if (!username) throw new CliError(`Ange ett användarnamn.\n${userHelp}`);
  const orgs = values.org ?? [];
  const roleList = values.role ?? [];
  if (orgs.length !== roleList.length) throw new CliError("Ange en --role för varje --org.");
  for (const role of roleList) {
    if (!roles.includes(role as Role)) throw new CliError(`Okänd roll "${role}": välj ${roles.join(", ")}.`);
  }
  const generated = !values["password-stdin"];
  const password = generated ? generatePassword() : await readStdin();
  const opened = await openAppDatabase();
  try {
    await createUser(opened.db, {
      username,
      displayName: values.name,
      password,
      isAdmin: values.admin,
      mustChangePassword: generated,
      roles: orgs.map((organisationCode, i) => ({ organisationCode, role: roleList[i] as Role })),
    });
  } finally {
    await opened.close();
  }
  console.log(`Användaren ${username} är skapad.`);
  if (generated) console.log(`Engångslösenord (visas bara nu, byts vid första inloggningen): ${password}`);
}
