/**
 * The HTTP server: the API under /api/v1 (thin routes: zod in, a service call, the result out), the OpenAPI
 * document and its UI at /api/docs, /api/health, and the built web app (packages/web/dist) for every other path.
 * Errors follow one contract (error-body.ts). Uploads are limited to 20 MB, one file per request.
 * @example const app = await buildApp({ store }); const r = await app.inject({ url: "/api/health" })
 */

import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { ServerStore } from "../context.js";
import { errorBody, langOf } from "./error-body.js";
import { createLoginLimiter, type LoginLimiter } from "./login-limiter.js";
import { loadSession } from "./request-context.js";
import { registerRoutes } from "./routes/index.js";

/** Upload limit in bytes. @example MAX_UPLOAD_BYTES === 20 * 1024 * 1024 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Options. @example const o: AppOptions = { store, webDir: "packages/web/dist" } */
export type AppOptions = {
  store: ServerStore;
  /** The built web app to serve (absent: API only). */
  webDir?: string;
  logger?: boolean;
  loginLimiter?: LoginLimiter;
  version?: string;
};

/** A registered API route. @example const r: ApiRoute = { method: "GET", url: "/api/v1/me/payslips" } */
export type ApiRoute = { method: string; url: string };

declare module "fastify" {
  interface FastifyInstance {
    /** Every /api/v1 route, as registered (the role matrix test walks them all). */
    apiRoutes: ApiRoute[];
  }
}

/** What every route module receives. @example const d: RouteDeps = { store, loginLimiter } */
export type RouteDeps = { store: ServerStore; loginLimiter: LoginLimiter };

/**
 * Builds the server (not listening; `inject()` works at once).
 * @example const app = await buildApp({ store, webDir }); await app.listen({ port: 3000 })
 */
export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: 2 * 1024 * 1024, trustProxy: false });
  const routes: ApiRoute[] = [];
  app.addHook("onRoute", (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods)
      if (r.url.startsWith("/api/v1/") && m !== "HEAD") routes.push({ method: m, url: r.url });
  });
  app.decorate("apiRoutes", routes);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: "薪算 xinsuan API", version: o.version ?? "1" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "xs_session" },
          csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.setErrorHandler((e, req, reply) => {
    const { status, body } = errorBody(e, langOf(req));
    if (status >= 500) req.log.error(e);
    return reply.code(status).send(body);
  });
  app.addHook("onRequest", async (req) => {
    if (req.url.startsWith("/api/v1/")) await loadSession(o.store, req);
  });
  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "same-origin");
    reply.header("x-frame-options", "DENY");
    return payload;
  });
  app.get("/api/health", { schema: { hide: true } }, async () => ({ ok: true, version: o.version ?? "dev" }));
  const deps: RouteDeps = { store: o.store, loginLimiter: o.loginLimiter ?? createLoginLimiter() };
  await app.register(async (api) => registerRoutes(api, deps), { prefix: "/api/v1" });
  if (o.webDir && existsSync(o.webDir)) {
    await app.register(fastifyStatic, { root: o.webDir, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith("/api/") || req.method !== "GET") {
        const { status, body } = errorBody(
          Object.assign(new Error("not found"), { statusCode: 404 }),
          langOf(req),
        );
        return reply.code(status).send(body);
      }
      return reply.type("text/html").sendFile("index.html");
    });
  } else {
    app.setNotFoundHandler((req, reply) => {
      const { status, body } = errorBody(
        Object.assign(new Error("not found"), { statusCode: 404 }),
        langOf(req),
      );
      return reply.code(status).send(body);
    });
  }
  return app;
}
