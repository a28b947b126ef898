import { registerClaimsAdjustmentsSuite } from "./claims-adjustments.suite.js";
import { testStore } from "./suite-kit.js";

registerClaimsAdjustmentsSuite("claims and adjustments on SQLite (in memory)", () =>
  testStore("sqlite::memory:"),
);
