import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpKit, type HttpKit } from "../http-test-kit.js";

let k: HttpKit;
beforeAll(async () => {
  k = await createHttpKit();
}, 60_000);
afterAll(async () => {
  await k?.close();
});

describe("audit log", () => {
  it("shows the newest entries to admin and HR, filtered by entity", async () => {
    for (const who of ["admin", "hr"]) {
      const r = await (await k.as(who)).get("/api/v1/audit?entity=run&limit=5");
      expect(r.statusCode).toBe(200);
      const items = r.json().items as { entity: string; at: string }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(5);
      expect(items.every((e) => e.entity === "run")).toBe(true);
      expect(items[0]!.at >= items.at(-1)!.at).toBe(true);
    }
  });

  it("refuses finance, leads and agents, and shows another company none of the demo's entries", async () => {
    for (const who of ["finance", k.logins.lead, k.logins.agent])
      expect((await (await k.as(who)).get("/api/v1/audit")).statusCode).toBe(403);
    const other = (await (await k.as(k.other.admin)).get("/api/v1/audit?limit=1000")).json().items;
    expect(JSON.stringify(other)).not.toContain("policy.version.add");
    expect((await (await k.as("hr")).get("/api/v1/audit?limit=0")).statusCode).toBe(422);
  });
});
