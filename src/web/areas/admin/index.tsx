import type { Area } from "../types";
import { managesUsers } from "./api";
import { SsoRulesPage } from "./SsoRulesPage";
import { UserPage } from "./UserPage";
import { UsersPage } from "./UsersPage";

// Organisation administrators see the user pages too: the server limits them to their own users.
// The sign-in rules are the system administrators' alone.
export const adminArea: Area = {
  nav: [
    { href: "/anvandare", label: "Användare", show: managesUsers },
    { href: "/inloggningsregler", label: "Inloggningsregler", show: (user) => user.isAdmin },
  ],
  routes: [
    { pattern: "/anvandare", render: (_params, user) => (managesUsers(user) ? <UsersPage user={user} /> : null) },
    { pattern: "/anvandare/:id", render: (params, user) => <UserPage key={params.id} id={Number(params.id)} user={user} /> },
    { pattern: "/inloggningsregler", render: () => <SsoRulesPage />, adminOnly: true },
  ],
};
