import { parseArgs } from "node:util";
import { loadDemoData } from "../../db/demo/load";
import { openAppDatabase } from "../database";

export const demoHelp = `fordela demo
  Laddar exemplen från seed-dokumenten (fördelningar, budgetar, statsbidrag) som saknas i
  databasen, utan att starta servern. Körs den igen läggs ingenting till två gånger.`;

export async function demoCommand(args: string[]): Promise<void> {
  parseArgs({ args, options: {} });
  const opened = await openAppDatabase();
  try {
    const loaded = await loadDemoData(opened.db, (line) => console.log(line));
    console.log(loaded.length > 0 ? `Exempeldata laddad: ${loaded.length} exempel.` : "Exempeldatan fanns redan; ingenting lades till.");
  } finally {
    await opened.close();
  }
}
