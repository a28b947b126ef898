/**
 * `npm start`: builds the web app when its build is missing or older than its sources, opens the embedded
 * database in XINSUAN_DATA_DIR (default ./data; DATABASE_URL overrides), creates the demo company and its
 * accounts on the first start (not with XINSUAN_DEMO=off: then the first visitor sets up the company and its
 * administrator), and serves the web app and API on PORT (default 3000).
 * @example const s = await startServer({ port: 3000, print: console.log }); await s.app.close()
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { AppError } from "../app-error.js";
import { ROLE_LABELS } from "../auth/principal.js";
import { openServerStore, type ServerStore } from "../context.js";
import { createDemoAccounts, DEMO_PASSWORD } from "../services/create-demo-accounts.js";
import { DEMO_COMPANY, loadDemoCompany } from "../services/load-demo-company.js";
import { storeCall } from "../store-errors.js";
import { buildApp } from "./app.js";

/** The web package's folder. @example WEB_DIR.endsWith("packages/web") */
export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../web");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Runs `vite build` when packages/web/dist is missing or older than packages/web/src or index.html.
 * @example ensureWebBuilt(console.log)
 */
export function ensureWebBuilt(print: (s: string) => void): string {
  const dist = join(WEB_DIR, "dist");
  const built = join(dist, "index.html");
  const sources = Math.max(newestMtime(join(WEB_DIR, "src")), statSync(join(WEB_DIR, "index.html")).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return dist;
  print("正在构建网页（首次启动，约需十几秒）…");
  const vite = resolve(WEB_DIR, "../../node_modules/vite/bin/vite.js");
  const r = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: WEB_DIR,
    stdio: "inherit",
  });
  if (r.status !== 0)
    throw new AppError("OUTPUT_FAILED", "网页构建失败（见上方输出）", "the web build failed (see above)");
  return dist;
}

/**
 * Creates the demo company with history and its accounts when the database has no company yet.
 * @example await ensureDemo(store, console.log)
 */
export async function ensureDemo(store: ServerStore, print: (s: string) => void): Promise<void> {
  const tenants = await storeCall(() => store.db.selectFrom("tenants").select(["id", "name"]).execute());
  const demo = tenants.find((t) => t.name === DEMO_COMPANY);
  if (tenants.length > 0 && !demo) return;
  if (!demo) print("首次启动：正在创建演示公司（60 名客服，2026-08、2026-09 已审批，2026-10 待算薪）…");
  const { tenantId } = await loadDemoCompany(store, "demo", { history: true, personal: true });
  const { accounts } = await createDemoAccounts(store, tenantId);
  print(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const a of accounts)
    print(`  ${ROLE_LABELS[a.role].zh.padEnd(5, "　")} ${a.login.padEnd(10)} ${a.name}`);
}

/**
 * Starts the server.
 * @example await startServer({ print: console.log })
 */
export async function startServer(o: {
  port?: number;
  host?: string;
  dataDir?: string;
  print: (s: string) => void;
  build?: boolean;
  /** Stop on SIGINT/SIGTERM (default true; tests that start servers say false). */
  handleSignals?: boolean;
}): Promise<{ app: FastifyInstance; store: ServerStore; url: string }> {
  const dataDir = resolve(o.dataDir ?? process.env.XINSUAN_DATA_DIR ?? "data");
  const url = process.env.DATABASE_URL || `sqlite:${join(dataDir, "xinsuan.db")}`;
  if (url.startsWith("sqlite:")) mkdirSync(dataDir, { recursive: true });
  const webDir = o.build === false ? join(WEB_DIR, "dist") : ensureWebBuilt(o.print);
  const store = await openServerStore(url);
  if (process.env.XINSUAN_DEMO === "off") {
    if ((await storeCall(() => store.users.countAll())) === 0)
      o.print("没有演示数据（XINSUAN_DEMO=off）：打开网页完成首次设置，创建企业和管理员账号");
  } else await ensureDemo(store, o.print);
  const app = await buildApp({ store, webDir, version: "0.1.0" });
  const port = o.port ?? Number(process.env.PORT ?? 3000);
  const host = o.host ?? process.env.HOST ?? "127.0.0.1";
  await app.listen({ port, host });
  const address = app.server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  const shown = `http://${host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host}:${bound}`;
  o.print(`薪算已启动：${shown}   （接口文档 ${shown}/api/docs，Ctrl+C 停止）`);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  if (o.handleSignals !== false) {
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
  return { app, store, url: shown };
}
