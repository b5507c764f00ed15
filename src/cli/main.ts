#!/usr/bin/env node
import { UserFacingError } from "../core/errors";
import { inputErrorFromDatabase } from "../db/input-errors";
import { CliError } from "./errors";

const help = `Fördela – fördelning och uppföljning av vårdens pengar

Användning: fordela <kommando> [flaggor]

Kommandon:
  serve                      starta webbgränssnittet och API:t
  allocate                   fördela ett belopp (--format table|csv|json)
  import population FIL      importera folkmängd från SCB (JSON-stat 2.0 eller CSV)
  import sie FIL --org KOD   importera huvudbok (SIE 4); import outcomes FIL för CSV-utfall
  report budget-vs-outcome   budget mot utfall; report project-accounts: projektredovisning
  registers list --org KOD   NHV-tillstånd och uppdrag med andel av heltid (add-permit, add-assignment)
  accounts suggest --org KOD förslag på konton för solidarisk finansiering och intäkter (--accept sparar)
  export budget-sie          budget som SIE 4 (#PBUDGET) för ekonomisystemet
  user add NAMN              skapa en användare
  sso rules|add-rule|…       inloggningsregler för inloggning via identitetsleverantören (OpenID Connect)
  document SLAG ID           beslutsunderlag som PDF eller XLSX (budget, frame-change, …)
  index-series list|show|set indexserier (LPIK) för budgetförslag: visa och lägga in årsvärden
  migrate                    kör databasmigreringar
  deadlines                  tidsfrister för statsbidrag (--within 30d --org KOD --format table|json|ics)
  reminders send             skicka e-postpåminnelser om tidsfrister (kräver FORDELA_SMTP_URL)
  grants list|show|recipient statsbidragsregistret: beslut, delar, en mottagares siffror och status
  grants report KOD          avslut: översikt, rekvisition och ekonomisk redovisning (PDF/XLSX)
  backup FIL                 säkerhetskopiera hela databasen till FIL
  restore FIL [--force]      återställ databasen från en säkerhetskopia
  audit verify               kontrollera att granskningsloggen är obruten (hashkedjan)
  demo                       ladda exempeldata från seed-dokumenten (utan att starta servern)

Databas: inbäddad PGlite i .fordela/data (FORDELA_DATA_DIR), eller PostgreSQL via DATABASE_URL.
Skriv "fordela <kommando> --help" för hjälp om ett kommando.`;

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, () => Promise<{ run: Command; help: string }>> = {
  serve: async () => {
    const m = await import("./commands/serve");
    return { run: m.serveCommand, help: m.serveHelp };
  },
  allocate: async () => {
    const m = await import("./commands/allocate");
    return { run: m.allocateCommand, help: m.allocateHelp };
  },
  import: async () => {
    const m = await import("./commands/import");
    return { run: m.importCommand, help: m.importHelp };
  },
  report: async () => {
    const m = await import("./commands/report");
    return { run: m.reportCommand, help: m.reportHelp };
  },
  registers: async () => {
    const m = await import("./commands/registers");
    return { run: m.registersCommand, help: m.registersHelp };
  },
  accounts: async () => {
    const m = await import("./commands/accounts");
    return { run: m.accountsCommand, help: m.accountsHelp };
  },
  export: async () => {
    const m = await import("./commands/export");
    return { run: m.exportCommand, help: m.exportHelp };
  },
  user: async () => {
    const m = await import("./commands/user");
    return { run: m.userCommand, help: m.userHelp };
  },
  sso: async () => {
    const m = await import("./commands/sso");
    return { run: m.ssoCommand, help: m.ssoHelp };
  },
  document: async () => {
    const m = await import("./commands/document");
    return { run: m.documentCommand, help: m.documentHelp };
  },
  "index-series": async () => {
    const m = await import("./commands/index-series");
    return { run: m.indexSeriesCommand, help: m.indexSeriesHelp };
  },
  migrate: async () => {
    const m = await import("./commands/migrate");
    return { run: m.migrateCommand, help: m.migrateHelp };
  },
  deadlines: async () => {
    const m = await import("./commands/deadlines");
    return { run: m.deadlinesCommand, help: m.deadlinesHelp };
  },
  reminders: async () => {
    const m = await import("./commands/reminders");
    return { run: m.remindersCommand, help: m.remindersHelp };
  },
  grants: async () => {
    const m = await import("./commands/grants");
    return { run: m.grantsCommand, help: m.grantsHelp };
  },
  backup: async () => {
    const m = await import("./commands/backup");
    return { run: m.backupCommand, help: m.backupHelp };
  },
  restore: async () => {
    const m = await import("./commands/backup");
    return { run: m.restoreCommand, help: m.restoreHelp };
  },
  audit: async () => {
    const m = await import("./commands/audit");
    return { run: m.auditCommand, help: m.auditHelp };
  },
  demo: async () => {
    const m = await import("./commands/demo");
    return { run: m.demoCommand, help: m.demoHelp };
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(help);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`Okänt kommando "${name}".\n\n${help}`);
    return 2;
  }
  const command = await load();
  if (args.includes("--help") || args.includes("-h")) {
    console.log(command.help);
    return 0;
  }
  try {
    await command.run(args);
    return 0;
  } catch (err) {
    // A user's mistake is printed as its Swedish message (usage errors exit 2, refused input
    // 1); anything else is a bug and worth a stack trace.
    const known = err instanceof UserFacingError ? err : inputErrorFromDatabase(err);
    if (known) {
      console.error(`Fel: ${known.message}`);
      return known instanceof CliError ? known.exitCode : 1;
    }
    if (err instanceof Error && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")) {
      console.error(`Fel: ${err.message}`);
      return 2;
    }
    console.error(err);
    return 1;
  }
}

// Run as a program from the sources (main.ts) or from the compiled bundle (dist/server/fordela.mjs).
const isEntry = process.argv[1] && /(main\.(ts|js)|fordela\.mjs)$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv.slice(2)).then((code) => {
    // serve keeps running; every other command ends here.
    if (code !== 0 || process.argv[2] !== "serve") process.exitCode = code;
  });
}
