import type { User } from "../../../api/types";

/** Index series are shared; as the API says, an editor in any organisation may keep them. */
export const mayEditSeries = (user: User) => user.isAdmin || user.roles.some((r) => r.role !== "reader");
