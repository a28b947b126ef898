/**
 * Claims (申报) routes: list (HR all, a lead their teams), submit, approve or reject. Permissions and scope are
 * checked by the services.
 * @example await registerClaimRoutes(api, deps)
 */

import type { Claim } from "@xinsuan/store";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { decideClaim } from "../../services/decide-claim.js";
import { listClaims } from "../../services/list-claims.js";
import { submitClaim } from "../../services/submit-claim.js";
import type { RouteDeps } from "../app.js";
import { contextOf } from "../request-context.js";

const tags = ["claims"];

/** A claim as the API shows it. @example const c: ClaimView = claimView(stored) */
export type ClaimView = Omit<Claim, "employeeId" | "inputName"> & { input: string };

/** Drops the internal id and names the input as the contract does. @example claimView(c).input === c.inputName */
export function claimView(c: Claim): ClaimView {
  const { employeeId: _e, inputName, ...rest } = c;
  return { ...rest, input: inputName };
}

/**
 * Registers the claim routes.
 * @example await registerClaimRoutes(api, { store, loginLimiter })
 */
export async function registerClaimRoutes(app: FastifyInstance, d: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/claims",
    {
      schema: {
        tags,
        querystring: z.object({
          period: z.string().max(7).optional(),
          status: z.string().max(16).optional(),
        }),
      },
    },
    async (req) => {
      const claims = await listClaims(contextOf(req, d.store), {
        ...(req.query.period ? { period: req.query.period } : {}),
        ...(req.query.status ? { status: req.query.status } : {}),
      });
      return { items: claims.map(claimView) };
    },
  );
  r.post(
    "/claims",
    {
      schema: {
        tags,
        body: z.object({
          employeeNo: z.string().min(1).max(64),
          period: z.string().max(7),
          input: z.string().min(1).max(100),
          quantity: z.union([z.string().max(32), z.number()]).optional(),
          evidence: z.string().max(1000),
          note: z.string().max(1000).optional(),
        }),
      },
    },
    async (req) => {
      const b = req.body;
      const claim = await submitClaim(contextOf(req, d.store), {
        employeeNo: b.employeeNo,
        period: b.period,
        inputName: b.input,
        evidence: b.evidence,
        ...(b.quantity !== undefined ? { quantity: String(b.quantity) } : {}),
        ...(b.note !== undefined ? { note: b.note } : {}),
      });
      return claimView(claim);
    },
  );
  r.post(
    "/claims/:id/decide",
    {
      schema: {
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ decision: z.enum(["approve", "reject"]), comment: z.string().max(1000).optional() }),
      },
    },
    async (req) => {
      const claim = await decideClaim(contextOf(req, d.store), {
        id: req.params.id,
        decision: req.body.decision === "approve" ? "approved" : "rejected",
        ...(req.body.comment !== undefined ? { comment: req.body.comment } : {}),
      });
      return claimView(claim);
    },
  );
}
