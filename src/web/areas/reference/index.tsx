import type { Area } from "../types";
import { ReferencePage } from "./ReferencePage";

export const referenceArea: Area = {
  tiles: [{ href: "/folkmangd", title: "Folkmängd enligt SCB", text: "Slå upp folkmängd per område och datum; administratörer importerar nya SCB-filer." }],
  nav: [{ href: "/folkmangd", label: "Folkmängd" }],
  routes: [{ pattern: "/folkmangd", render: (_params, user) => <ReferencePage user={user} /> }],
};
