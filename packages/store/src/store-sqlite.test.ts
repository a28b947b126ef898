import { registerRepositorySuite, testStore } from "./repositories.suite.js";

registerRepositorySuite("repositories on SQLite (better-sqlite3, in memory)", () =>
  testStore("sqlite::memory:"),
);
