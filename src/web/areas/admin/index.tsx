import type { Area } from "../types";
import { managesUsers } from "./api";
import { UserPage } from "./UserPage";
import { UsersPage } from "./UsersPage";

// Organisation administrators see the pages too: the server limits them to their own users.
export const adminArea: Area = {
  nav: [{ href: "/anvandare", label: "Användare", show: managesUsers }],
  routes: [
    { pattern: "/anvandare", render: (_params, user) => (managesUsers(user) ? <UsersPage user={user} /> : null) },
    { pattern: "/anvandare/:id", render: (params, user) => <UserPage key={params.id} id={Number(params.id)} user={user} /> },
  ],
};
