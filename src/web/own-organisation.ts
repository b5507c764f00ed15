// Organisation lists start at the user's own (issue 12): the organisations the user has a role in
// come first, in the order of the list, and a form's organisation defaults to the first of them.

interface HasId {
  id: number;
}
interface WithRoles {
  roles: readonly { organisationId: number }[];
}

const isOwn = (user: WithRoles, id: number) => user.roles.some((r) => r.organisationId === id);

/** The list with the user's own organisations first; the order is otherwise kept. */
export function ownFirst<T extends HasId>(list: readonly T[], user: WithRoles): T[] {
  return [...list.filter((o) => isOwn(user, o.id)), ...list.filter((o) => !isOwn(user, o.id))];
}

/** The user's own organisation in the list (the first, if several); undefined when none is listed. */
export function ownDefault<T extends HasId>(list: readonly T[], user: WithRoles): T | undefined {
  return list.find((o) => isOwn(user, o.id));
}
