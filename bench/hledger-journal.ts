import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { defaultAccountClass } from "../src/core/followup/account-class";
import { readSie } from "../src/formats/sie";

const kr = (ore: number) => `${ore < 0 ? "-" : ""}${Math.floor(Math.abs(ore) / 100)}.${String(Math.abs(ore) % 100).padStart(2, "0")}`;

/**
 * The SIE file's vouchers as an hledger journal, accounts named by class ("staff:7010") so that
 * `--depth 1` gives the same grouping as Fördela's report, and a monthly budget rule per result
 * account (a twelfth of its year, as Fördela's benchmark has no #PBUDGET to compare with).
 */
export async function writeHledgerJournal(sieFile: string, journal: string): Promise<void> {
  const out = createWriteStream(journal);
  const totals = new Map<string, number>();
  let buffer = "";
  const name = (account: string) => `${defaultAccountClass(account)}:${account}`;
  await readSie(sieFile, {
    onVoucher: async (v) => {
      buffer += `${v.date} ${v.series}${v.number} ${v.text.replace(/[;\n]/g, " ")}\n`;
      for (const t of v.transactions) {
        if (t.kind !== "TRANS") continue;
        buffer += `    ${name(t.account)}  ${kr(t.amount)}\n`;
        totals.set(t.account, (totals.get(t.account) ?? 0) + t.amount);
      }
      buffer += "\n";
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, "drain");
        buffer = "";
      }
    },
  });
  const year = 2024;
  buffer += `~ monthly from ${year}-01-01 to ${year + 1}-01-01\n`;
  let sum = 0;
  for (const [account, total] of totals) {
    if (defaultAccountClass(account) === "balance") continue;
    const monthly = Math.trunc(total / 12);
    sum += monthly;
    buffer += `    ${name(account)}  ${kr(monthly)}\n`;
  }
  buffer += `    balance:budget  ${kr(-sum)}\n`;
  out.write(buffer);
  out.end();
  await once(out, "finish");
}
