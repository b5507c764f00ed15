// Moved to src/app/users/password-hash.ts (the CLI may not import from the server).
export { generatePassword, hashPassword, verifyPassword } from "../../app/users/password-hash";
