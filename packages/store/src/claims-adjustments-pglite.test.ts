import { registerClaimsAdjustmentsSuite } from "./claims-adjustments.suite.js";
import { testStore } from "./suite-kit.js";

registerClaimsAdjustmentsSuite("claims and adjustments on PGlite (in memory)", () =>
  testStore("pglite://memory"),
);
