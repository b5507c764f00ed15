import { formatAmount } from "../../core/money";
import { daysLeftText, deadlineKindNames, type DueDeadline } from "../../core/grants/deadlines";

/** The e-mail that reminds of one deadline: subject and plain text, in Swedish. */
export function reminderMessage(deadline: DueDeadline): { subject: string; text: string } {
  const to = deadline.counterpart ? ` till ${deadline.counterpart}` : "";
  const subject = `Påminnelse: ${deadlineKindNames[deadline.kind]}${to} senast ${deadline.date} – ${deadline.organisationName}`;
  const lines = [
    `${deadlineKindNames[deadline.kind]}${to} ska vara klar senast ${deadline.date} (${daysLeftText(deadline.daysLeft)}).`,
    "",
    `Bidrag: ${deadline.title}`,
    `Organisation: ${deadline.organisationName}`,
  ];
  if (deadline.amount !== null) lines.push(`Belopp: ${formatAmount(deadline.amount, "kr")}`);
  lines.push("", "Meddelandet skickas en gång per tidsfrist. Inställningarna för påminnelser finns i Fördela.");
  return { subject, text: lines.join("\n") };
}
