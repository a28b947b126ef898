import { registerServiceSuite } from "./services.suite.js";

registerServiceSuite("services on PGlite (in memory)", "pglite://memory");
