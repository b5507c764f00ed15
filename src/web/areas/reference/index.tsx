import type { Area } from "../types";
import { ReferencePage } from "./ReferencePage";

export const referenceArea: Area = {
  nav: [{ href: "/folkmangd", label: "Folkmängd" }],
  routes: [{ pattern: "/folkmangd", render: (_params, user) => <ReferencePage user={user} /> }],
};
