/**
 * Browser-test kit: starts the real server (web build + API + embedded SQLite with the demo company, in a
 * temporary data folder, on a free port) and Debian's Chromium through playwright-core (never a downloaded
 * browser), signs people in, and saves screenshots under test-artifacts/web/.
 * @example const e = await startE2e(); const page = await e.signIn("hr"); await e.shot(page, "hr-dashboard")
 */

import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startServer } from "@xinsuan/server";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** Where screenshots go. @example ARTIFACTS.endsWith("test-artifacts/web") */
export const ARTIFACTS = resolve(import.meta.dirname, "../../../test-artifacts/web");
/** The demo accounts' password. */
export const PASSWORD = "xinsuan-demo";
/** A phone-sized viewport (iPhone 12–14). */
export const PHONE = { width: 390, height: 844 };
/** A laptop viewport. */
export const DESKTOP = { width: 1440, height: 900 };

const CHROMIUM = "/usr/bin/chromium";

/** The running app and browser. @example const e: E2e = await startE2e() */
export type E2e = {
  url: string;
  /** Demo logins printed at start: admin, hr, finance, lead, agent. */
  logins: Record<"admin" | "hr" | "finance" | "lead" | "agent", string>;
  browser: Browser;
  /** A fresh browser context (own cookies) and page; phone or desktop size. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** A new page signed in as `login` (waits for the home page). */
  signIn(login: string, viewport?: { width: number; height: number }): Promise<Page>;
  shot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
};

/**
 * Starts server and browser.
 * @example const e = await startE2e()
 */
export async function startE2e(): Promise<E2e> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `browser tests need Debian's Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "xinsuan-e2e-"));
  const printed: string[] = [];
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  const server = await startServer({ port: 0, dataDir, print: (s) => printed.push(s), handleSignals: false });
  if (saved !== undefined) process.env.DATABASE_URL = saved;
  const loginOf = (label: string) => {
    const line = printed.find((l) => l.trim().startsWith(label));
    const login = line?.trim().split(/\s+/)[1];
    if (!login) throw new Error(`no demo account "${label}" in: ${printed.join("\n")}`);
    return login;
  };
  const logins = {
    admin: loginOf("管理员"),
    hr: loginOf("薪酬专员"),
    finance: loginOf("财务"),
    lead: loginOf("主管"),
    agent: loginOf("员工"),
  };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const contexts: BrowserContext[] = [];
  const newPage = async (viewport = DESKTOP) => {
    const context = await browser.newContext({ viewport, locale: "zh-CN" });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  };
  return {
    url: server.url,
    logins,
    browser,
    newPage,
    async signIn(login, viewport = DESKTOP) {
      const page = await newPage(viewport);
      await page.goto(`${server.url}/login`);
      await page.getByTestId("login-login").fill(login);
      await page.getByTestId("login-password").fill(PASSWORD);
      await page.getByTestId("login-submit").click();
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
      return page;
    },
    async shot(page, name) {
      const file = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.app.close();
      await server.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
