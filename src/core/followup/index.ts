export * from "./account-class";
export * from "./account-suggestion";
export * from "./deviation";
export * from "./forecast";
export * from "./budget-outcome";
export * from "./project-accounts";
export * from "./narrative";
export * from "./budgets-once";
