import { registerRepositorySuite, testStore } from "./repositories.suite.js";

registerRepositorySuite("repositories on PGlite (in memory)", () => testStore("pglite://memory"));
