import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password-hash";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("rätt lösenord 123");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("rätt lösenord 123", hash)).toBe(true);
    expect(await verifyPassword("fel lösenord 123", hash)).toBe(false);
  });

  it("salts each hash", async () => {
    const a = await hashPassword("samma");
    const b = await hashPassword("samma");
    expect(a).not.toBe(b);
  });

  it("rejects a malformed stored hash", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });

  it("generates long random passwords", () => {
    expect(generatePassword()).toHaveLength(20);
    expect(generatePassword()).not.toBe(generatePassword());
  });
});
