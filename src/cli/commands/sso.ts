import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { systemActor } from "../../app/actor";
import { createSsoRule } from "../../app/sso/create-sso-rule";
import { deleteSsoRule } from "../../app/sso/delete-sso-rule";
import { listSsoRules } from "../../app/sso/list-sso-rules";
import type { SsoRuleView } from "../../app/sso/rule-view";
import { updateSsoRule } from "../../app/sso/update-sso-rule";
import { roleFromName, roleNames, roles, type Role } from "../../core/roles";
import { operatorNames } from "../../core/sso/claim-rules";
import { openAppDatabase } from "../database";
import { CliError } from "../errors";

const roleChoices = roles.map((r) => `${roleNames[r]} (${r})`).join(", ");

export const ssoHelp = `fordela sso rules                                   listar inloggningsreglerna i den ordning de prövas
fordela sso add-rule --claim ANSPRÅK (--contains VÄRDE | --ends-with VÄRDE) --org KOD --role ROLL [--position N]
  Lägger till en regel för inloggning via identitetsleverantören (sist, eller på plats N).
  Exempel: fordela sso add-rule --claim groups --contains 3f2a…-ekonomi --org 23 --role handläggare
fordela sso move-rule NUMMER --to N                   flyttar regeln på plats NUMMER till plats N
fordela sso remove-rule NUMMER                        tar bort regeln på plats NUMMER
  Den första regel som matchar ger organisation och roll; matchar ingen nekas inloggningen.
  Roller: ${roleChoices}.`;

const actor = () => systemActor(`cli:${userInfo().username}`);

function parseRole(text: string | undefined): Role {
  const role = text ? roleFromName(text) : undefined;
  if (!role) throw new CliError(`Ange --role med en av ${roleChoices}.`);
  return role;
}

const describe = (r: SsoRuleView) => `${r.position}\t${r.claim} ${operatorNames[r.operator]} "${r.value}"\t${roleNames[r.role]} i ${r.organisationCode} (${r.organisationName})`;

function positionArg(text: string | undefined, what: string): number {
  if (!text || !/^\d+$/.test(text) || Number(text) < 1) throw new CliError(`${what}: ange ett nummer från 1 och uppåt.\n${ssoHelp}`);
  return Number(text);
}

export async function ssoCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      claim: { type: "string" },
      contains: { type: "string" },
      "ends-with": { type: "string" },
      org: { type: "string" },
      role: { type: "string" },
      position: { type: "string" },
      to: { type: "string" },
    },
  });
  if (!sub || !["rules", "add-rule", "move-rule", "remove-rule"].includes(sub)) throw new CliError(`Okänt underkommando "${sub ?? ""}".\n${ssoHelp}`);
  const opened = await openAppDatabase();
  const db = opened.db;
  try {
    const rules = await listSsoRules(db, actor());
    const at = (text: string | undefined) => {
      const position = positionArg(text, "Regelns nummer");
      const rule = rules.find((r) => r.position === position);
      if (!rule) throw new CliError(`Det finns ingen regel nummer ${position} (${rules.length} regler).`);
      return rule;
    };
    switch (sub) {
      case "rules":
        if (rules.length === 0) console.log("Inga inloggningsregler: ingen kan logga in via identitetsleverantören.");
        rules.forEach((r) => console.log(describe(r)));
        break;
      case "add-rule": {
        if (!values.claim) throw new CliError(`Ange anspråket med --claim.\n${ssoHelp}`);
        if ((values.contains === undefined) === (values["ends-with"] === undefined)) throw new CliError("Ange antingen --contains VÄRDE eller --ends-with VÄRDE.");
        if (!values.org) throw new CliError("Ange organisationen med --org KOD.");
        const rule = await createSsoRule(db, actor(), {
          claim: values.claim,
          operator: values.contains !== undefined ? "contains" : "ends_with",
          value: values.contains ?? values["ends-with"]!,
          organisationCode: values.org,
          role: parseRole(values.role),
          position: values.position ? positionArg(values.position, "--position") : undefined,
        });
        console.log(`Regeln är tillagd: ${describe(rule)}`);
        break;
      }
      case "move-rule": {
        const rule = at(positionals[0]);
        const moved = await updateSsoRule(db, actor(), { id: rule.id, claim: rule.claim, operator: rule.operator, value: rule.value, organisationCode: rule.organisationCode, role: rule.role, position: positionArg(values.to, "--to") });
        console.log(`Regeln är flyttad: ${describe(moved)}`);
        break;
      }
      case "remove-rule": {
        const rule = at(positionals[0]);
        await deleteSsoRule(db, actor(), { id: rule.id });
        console.log(`Regeln är borttagen: ${describe(rule)}`);
        break;
      }
    }
  } finally {
    await opened.close();
  }
}
