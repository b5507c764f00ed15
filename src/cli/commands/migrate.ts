import { openAppDatabase } from "../database";

export const migrateHelp = `fordela migrate
  Kör databasens migreringar och laddar referensdata (görs också vid varje start).`;

export async function migrateCommand(): Promise<void> {
  const opened = await openAppDatabase((line) => console.log(line));
  await opened.close();
  console.log("Databasen är uppdaterad.");
}
