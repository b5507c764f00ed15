/** The four roles a user can hold in an organisation; each includes the ones before it. */
export const roles = ["reader", "editor", "approver", "admin"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { reader: 1, editor: 2, approver: 3, admin: 4 };

/** The Swedish names used everywhere a person reads a role: UI, CLI, errors, documents. */
export const roleNames: Record<Role, string> = {
  reader: "läsare",
  editor: "handläggare",
  approver: "beslutsfattare",
  admin: "administratör",
};

export function roleAtLeast(held: Role | undefined, needed: Role): boolean {
  return held !== undefined && rank[held] >= rank[needed];
}

/** A role from what a person typed: the Swedish name or the code, any case ("Handläggare", "editor"). */
export function roleFromName(text: string): Role | undefined {
  const wanted = text.trim().toLowerCase();
  return roles.find((r) => r === wanted || roleNames[r] === wanted);
}
